import type { Locator, Page } from '@playwright/test';
import { expect, ready, tensorCount, test } from '../../fixtures.ts';
import { heldOutScene } from '../../reference/scenes.ts';
import { occludeByHand, referenceModel } from './saliency-reference.ts';

const LESSON = '/lessons/occlusion-and-saliency/';

test.describe.configure({ timeout: 180_000 });

/** Moves the pointer to the centre of cell (i, j) of a map drawn with `cells` cells per side. */
async function pointAt(page: Page, canvas: Locator, i: number, j: number, cells: number): Promise<void> {
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + ((j + 0.5) / cells) * box.width, box.y + ((i + 0.5) / cells) * box.height);
}

const data = async (locator: Locator, key: string) => Number(await locator.getAttribute(`data-${key}`));

test('the live score with the patch equals the model run on the occluded image by an independent path', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'occlusion-explorer');
  const widget = page.locator('#occlusion-explorer');
  const scene = heldOutScene(0, 2);
  const c = scene.objects[0]!.classIndex;
  await expect(widget.locator('[data-class]')).toHaveValue(String(c));
  const line = widget.locator('[data-score]');
  // Pointer at (30, 20): an 8 x 8 patch centred there has its corner at (26, 16).
  await pointAt(page, widget.locator('[data-map="scene"] canvas'), 30, 20, 64);
  await expect(line).toHaveAttribute('data-top', '26');
  await expect(line).toHaveAttribute('data-left', '16');
  const reference = await referenceModel(page, [scene.image, occludeByHand(scene.image, 26, 16, 8)], c);
  const [base, occluded] = reference.logits.map((row) => row[c]!);
  expect(await data(line, 'baseline')).toBeCloseTo(base!, 3);
  expect(await data(line, 'score')).toBeCloseTo(occluded!, 3);
  expect(await data(line, 'drop')).toBeCloseTo(base! - occluded!, 3);
  // The probability is the softmax of the same logits.
  const logits = reference.logits[1]!;
  const softmax = Math.exp(occluded!) / logits.reduce((s, v) => s + Math.exp(v), 0);
  expect(await data(line, 'probability')).toBeCloseTo(softmax, 4);

  // The keyboard moves the patch too: focus puts it at the last pointed cell, ArrowDown moves one pixel.
  await widget.locator('[data-map="scene"] canvas').focus();
  await page.keyboard.press('ArrowDown');
  await expect(line).toHaveAttribute('data-top', '27');
});

test('the whole map: 225 positions in batches, each cell equal to the live drop at its position', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'occlusion-explorer');
  const widget = page.locator('#occlusion-explorer');
  const scene = heldOutScene(0, 2);
  const c = scene.objects[0]!.classIndex;
  await widget.locator('[data-sweep]').click();
  await expect(widget).toHaveAttribute('data-sweep', 'done', { timeout: 120_000 });
  await expect(widget.locator('[data-map="grid"] [data-map-dims]')).toHaveText('15 × 15');
  const status = (await widget.locator('[data-widget-status]').textContent())!;
  const passes = Number(/in (\d+) batches/.exec(status)![1]);
  // Batched: far fewer batches than positions.
  expect(passes).toBeGreaterThan(1);
  expect(passes).toBeLessThan(225);
  const grid = widget.locator('[data-map="grid"] canvas');
  const cell = widget.locator('[data-cell]');
  const line = widget.locator('[data-score]');
  const images: number[][] = [scene.image];
  const values: number[] = [];
  for (const [r, col] of [[5, 7], [0, 0], [14, 9]] as const) {
    await pointAt(page, grid, r, col, 15);
    await expect(line).toHaveAttribute('data-top', String(4 * r));
    await expect(line).toHaveAttribute('data-left', String(4 * col));
    await expect(cell).toHaveAttribute('data-row', String(r));
    await expect(cell).toHaveAttribute('data-col', String(col));
    const value = await data(cell, 'value');
    expect(value).toBeCloseTo(await data(line, 'drop'), 3);
    values.push(value);
    images.push(occludeByHand(scene.image, 4 * r, 4 * col, 8));
  }
  const { logits } = await referenceModel(page, images, c);
  values.forEach((value, k) => expect(value).toBeCloseTo(logits[0]![c]! - logits[k + 1]![c]!, 3));
});

test('the sweep can be cancelled, and moving the patch does not leak tensors', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'occlusion-explorer');
  const widget = page.locator('#occlusion-explorer');
  await widget.locator('[data-stride]').selectOption('2');
  await widget.locator('[data-sweep]').click();
  await widget.locator('[data-cancel]').click();
  await expect(widget.locator('[data-widget-status]')).toContainText(/Cancelled after \d+ of 841 positions/);
  await expect(widget).not.toHaveAttribute('data-sweep', 'done');
  const canvas = widget.locator('[data-map="scene"] canvas');
  await pointAt(page, canvas, 20, 20, 64);
  await expect(widget.locator('[data-score]')).toHaveAttribute('data-top', '16');
  const before = await tensorCount(page);
  await pointAt(page, canvas, 40, 30, 64);
  await expect(widget.locator('[data-score]')).toHaveAttribute('data-top', '36');
  expect(await tensorCount(page)).toBe(before);
});

test('the guided ReLU example: forward, backprop, deconvnet and guided rows equal a hand computation', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'guided-relu-example');
  const widget = page.locator('#guided-relu-example');
  const row = (key: string) => widget.locator(`[data-row="${key}"] td`).evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset['value'])));
  const z = [2, -1, 0.5, -3, 1, -0.5];
  const r = [-1, 3, 2, -2, 0.5, 1];
  const check = async () => {
    expect(await row('forward')).toEqual(z.map((v) => Math.max(0, v)));
    expect(await row('backprop')).toEqual(r.map((v, k) => (z[k]! > 0 ? v : 0)));
    expect(await row('deconvnet')).toEqual(r.map((v) => (v > 0 ? v : 0)));
    expect(await row('guided')).toEqual(r.map((v, k) => (z[k]! > 0 && v > 0 ? v : 0)));
  };
  await check();
  // The exercise's numbers (sixth entry switched off): guided row (0, 0, 1, 3, 0, 0), sum 4.
  const exercise = { z: [3, -1, 2, 0.5, -2, -1], r: [-2, 4, 1, 3, 5, 1] };
  for (let k = 0; k < 6; k++) {
    await widget.locator('[data-z]').nth(k).fill(String(exercise.z[k]));
    await widget.locator('[data-r]').nth(k).fill(String(exercise.r[k]));
  }
  z.splice(0, 6, ...exercise.z);
  r.splice(0, 6, ...exercise.r);
  // Wait for the last edit's computation: the guided row alone cannot tell (the fifth entry is off either way).
  await expect.poll(() => row('deconvnet')).toEqual([0, 4, 1, 3, 5, 1]);
  await expect.poll(() => row('guided')).toEqual([0, 0, 1, 3, 0, 0]);
  await check();
});

test('saliency maps: vanilla equals an independent gradient and is brighter inside the object than outside', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'saliency-compare');
  const widget = page.locator('#saliency-compare');
  await expect(widget).toHaveAttribute('data-gradients', 'ready');
  await expect(widget).toHaveAttribute('data-smooth', 'done', { timeout: 150_000 });
  const scene = heldOutScene(0, 2);
  const c = scene.objects[0]!.classIndex;
  const { saliency } = await referenceModel(page, [scene.image], c, true);
  // Point at the object's most salient pixel (by the reference) and at one outside it.
  const inside = scene.objects[0]!.mask.map((m, p) => (m ? p : -1)).filter((p) => p >= 0);
  const peak = inside.reduce((best, p) => (saliency![p]! > saliency![best]! ? p : best), inside[0]!);
  const where = widget.locator('[data-where]');
  for (const p of [peak, 0]) {
    const [i, j] = [Math.floor(p / 64), p % 64];
    await pointAt(page, widget.locator('[data-map="vanilla"] canvas'), i, j, 64);
    await expect(where).toHaveAttribute('data-i', String(i));
    await expect(where).toHaveAttribute('data-j', String(j));
    const shown = await data(where, 'vanilla');
    expect(Math.abs(shown - saliency![p]!)).toBeLessThanOrEqual(1e-3 * Math.max(...saliency!) + 1e-7);
    // Guided backprop keeps a subset of the paths, so it is zero wherever every path was cut.
    expect(await data(where, 'guided')).toBeGreaterThanOrEqual(0);
  }
  // Loose but real: on average the vanilla map is at least 1.5 times larger inside the object's mask than outside it.
  const vanilla = widget.locator('tr[data-method="vanilla"]');
  expect(await data(vanilla, 'inside')).toBeGreaterThan(1.5 * (await data(vanilla, 'outside')));
  const smooth = widget.locator('tr[data-method="smooth"]');
  expect(await data(smooth, 'inside')).toBeGreaterThan(await data(smooth, 'outside'));
});

test('the display menu redraws the gradient maps capped at the 99th percentile or as a square root, and the numbers stay', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'saliency-compare');
  const widget = page.locator('#saliency-compare');
  await expect(widget).toHaveAttribute('data-gradients', 'ready');
  const canvas = widget.locator('[data-map="vanilla"] canvas');
  const grey = () =>
    canvas.evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).filter((_, k) => k % 4 === 0));
  const where = widget.locator('[data-where]');
  await pointAt(page, canvas, 30, 30, 64);
  const before = await data(where, 'vanilla');
  const linear = await grey();
  // The reference map's 99th percentile (nearest rank) as a share of its maximum.
  const scene = heldOutScene(0, 2);
  const { saliency } = await referenceModel(page, [scene.image], scene.objects[0]!.classIndex, true);
  const sorted = [...saliency!].sort((a, b) => a - b);
  const share = sorted[Math.ceil(0.99 * sorted.length) - 1]! / sorted.at(-1)!;
  expect(share).toBeLessThan(0.9);

  await widget.locator('[data-tone]').selectOption('sqrt');
  const root = await grey();
  // Each linear byte L pins t = v / max to (L ± 0.5) / 255; the square-root byte must lie in the range that allows.
  root.forEach((s, p) => {
    const [lo, hi] = [Math.max(0, linear[p]! - 0.5), Math.min(255, linear[p]! + 0.5)].map((b) => Math.round(255 * Math.sqrt(b / 255)));
    expect(s, `pixel ${p}`).toBeGreaterThanOrEqual(lo!);
    expect(s, `pixel ${p}`).toBeLessThanOrEqual(hi!);
  });
  expect(root.reduce((a, b) => a + b, 0)).toBeGreaterThan(1.3 * linear.reduce((a, b) => a + b, 0));

  await widget.locator('[data-tone]').selectOption('cap');
  const capped = await grey();
  capped.forEach((c, p) => expect(Math.abs(c - Math.min(255, linear[p]! / share)), `pixel ${p}`).toBeLessThanOrEqual(1 / share + 1));
  const white = capped.filter((c) => c === 255).length;
  expect(white).toBeGreaterThanOrEqual(Math.ceil(0.01 * capped.length) - 1);
  expect(white).toBeGreaterThan(linear.filter((c) => c === 255).length);
  // Only the drawing changed: the value under the pointer is the map's own.
  await expect(where).toHaveAttribute('data-vanilla', String(before));
  await pointAt(page, canvas, 31, 31, 64);
  await pointAt(page, canvas, 30, 30, 64);
  expect(await data(where, 'vanilla')).toBe(before);
});
