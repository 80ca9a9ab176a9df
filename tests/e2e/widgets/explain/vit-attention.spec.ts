import type { Page } from '@playwright/test';
import { expect, tensorCount, test } from '../../fixtures.ts';
import { heldOutScene, heldOutScenes } from '../../reference/scenes.ts';
import { hits, replayVit } from './vit-reference.ts';

const LESSON = '/lessons/vit-attention/';
/** Forward and backward passes of two models: SwiftShader WebGL and plain JavaScript take far longer than the default 15 s. */
const SLOW = { timeout: 180_000 };
/** Scenes in the table during the test (25 objects): enough for rollout to show its margin over a random map. */
const BATCH = 10;

test.describe.configure({ timeout: 300_000 });

async function ready(page: Page, id: string): Promise<void> {
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);
}

const numbers = async (page: Page, key: string): Promise<number[]> =>
  JSON.parse((await page.locator('#attention-explorer').getAttribute(`data-${key}`))!) as number[];

test("the explorer: every head's CLS attention, the rollout and the prediction equal a replay of objects-vit with raw ops", async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'attention-explorer');
  const widget = page.locator('#attention-explorer');
  // The picker's first scene: held-out scene 0 with two objects.
  const scene = heldOutScene(0, 2);
  const [reference] = await replayVit(page, [scene]);
  const near = (got: number[], want: number[], digits: number) => {
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, digits));
  };
  near(await numbers(page, 'cls'), reference!.cls, 5);
  near(await numbers(page, 'rollout'), reference!.rollout, 5);
  near(await numbers(page, 'probabilities'), reference!.probabilities, 5);
  // Each head's tile is captioned with its largest weight.
  const tile = widget.locator('[data-heads] figure[data-layer="3"][data-head="1"] figcaption');
  await expect(tile).toHaveText(Math.max(...reference!.cls.slice((3 * 4 + 1) * 64, (3 * 4 + 2) * 64)).toFixed(3));
  // The rollout's peak and verdict for object 0, as the replay finds them.
  const verdict = widget.locator('[data-compare="rollout"] [data-verdict]');
  await expect(verdict).toHaveAttribute('data-row', String(reference!.peak[0]));
  await expect(verdict).toHaveAttribute('data-col', String(reference!.peak[1]));
  await expect(verdict).toHaveAttribute('data-hit', String(hits(reference!.peak, scene.objects[0]!.mask, 2)));

  // Rollout ignores the class; the gradient-weighted map follows it. Another object: the same rollout, another weighted map.
  const weighted = await numbers(page, 'gradient-rollout');
  const pixels = () => widget.locator('[data-compare="gradient-rollout"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await pixels();
  const tensors = await tensorCount(page);
  await widget.locator('[data-object]').selectOption('1');
  await expect(widget).toHaveAttribute('data-class-index', String(scene.objects[1]!.classIndex), SLOW);
  await ready(page, 'attention-explorer');
  near(await numbers(page, 'rollout'), reference!.rollout, 5);
  expect(await numbers(page, 'gradient-rollout')).not.toEqual(weighted);
  expect(await pixels()).not.toBe(before);
  expect(await tensorCount(page)).toBe(tensors);

  // Discarding weights changes the rollout, and the slider's value is what the read-out states.
  await widget.locator('[data-discard]').fill('0.9');
  await expect(widget.locator('[data-discard-out]')).toHaveText('90%');
  await expect(widget.locator('[data-pointing]')).toContainText('discards the smallest 90%', SLOW);
  expect(await numbers(page, 'rollout')).not.toEqual(reference!.rollout);
});

test("the table: rollout and gradient-weighted rollout beat a random map in the pointing game, and rollout's peaks are the replay's", async ({
  page,
  open,
  backend,
}) => {
  test.skip(backend !== 'wasm', 'the table runs two models over ten scenes: checked on wasm; the explorer covers the other backends');
  await open(LESSON, `trust-batch=${BATCH}`);
  const table = page.locator('#attention-table');
  await table.scrollIntoViewIfNeeded();
  await expect(table).toHaveAttribute('data-done', String(BATCH), SLOW);
  const row = (model: string, method: string) => table.locator(`tr[data-model="${model}"][data-method="${method}"]`);
  const trials = async (model: string, method: string) => JSON.parse((await row(model, method).getAttribute('data-trials'))!) as number[][];
  const scenes = heldOutScenes(BATCH);
  const objects = scenes.flatMap((scene) => scene.objects);
  // Independently: the replayed rollout's peak per scene, and its verdict for every object of the scene.
  const replays = await replayVit(page, scenes);
  const reference = scenes.flatMap((scene, s) =>
    scene.objects.map((object) => [replays[s]!.peak[0], replays[s]!.peak[1], hits(replays[s]!.peak, object.mask, 2) ? 1 : 0]),
  );
  const rollout = await trials('objects-vit', 'rollout');
  expect(rollout.map(([, , hit, r, c]) => [r, c, hit])).toEqual(reference);
  const count = (t: number[][]) => t.filter(([, , hit]) => hit === 1).length;
  const random = await trials('objects-vit', 'random');
  expect(rollout).toHaveLength(objects.length);
  expect(count(rollout)).toBeGreaterThan(count(random));
  expect(count(await trials('objects-vit', 'gradient-rollout'))).toBeGreaterThan(count(rollout));
  // Grad-CAM on the ViT's tokens is measured on every object too.
  expect(await trials('objects-vit', 'token-grad-cam')).toHaveLength(objects.length);
  // Each model's deletion area: its maps against its own random floor.
  const deletion = async (model: string, method: string) => Number(await row(model, method).locator('td[data-deletion]').getAttribute('data-deletion'));
  expect(await deletion('objects-vit', 'gradient-rollout')).toBeLessThan(await deletion('objects-vit', 'random'));
  expect(await deletion('objects-cnn', 'grad-cam')).toBeLessThan(await deletion('objects-cnn', 'random'));
});
