import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { UNSEEN_STYLE } from '../../../../src/engine/data/atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import type { Page } from '@playwright/test';
import { expect, ready, test } from '../../fixtures.ts';
import { argmax, referenceSoftmax } from './model-reference.ts';

const LESSON = '/lessons/why-augment/';
test.describe.configure({ timeout: 300_000 });

/** The lesson's own sentences: every paragraph of the page outside its widgets. */
async function prose(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('main p')].filter((p) => !p.closest('[data-widget]')).map((p) => p.textContent).join('\n'));
}
const percent = (fraction: number) => `${(100 * fraction).toFixed(1)}%`;

test('the style gap equals the test replay of the model on the same 500 + 500 images, and the prose quotes it', async ({ page, open, backend }) => {
  test.skip(backend === 'cpu', '1,000 images through the plain-JavaScript backend, twice, take minutes; the wasm run checks the same code and the other tests here run on cpu');
  await open(LESSON);
  await ready(page, 'style-gap');
  const widget = page.locator('#style-gap');
  await expect(widget).toHaveAttribute('data-measured', 'true', { timeout: 240_000 });
  const atlas = loadAtlas();
  for (const style of ['held-out', 'unseen'] as const) {
    const { seed } = style === 'held-out' ? OBJECTS_SPLITS.heldOut : OBJECTS_SPLITS.unseenStyle;
    const scenes = Array.from({ length: 500 }, (_, i) => sceneAt(atlas, seed, i, style === 'unseen' ? { styles: [UNSEEN_STYLE] } : {}));
    const p = await referenceSoftmax(page, scenes.map((s) => s.image));
    const correct = p.filter((row, i) => argmax(row) === scenes[i]!.objects[0]!.classIndex).length;
    const confidence = p.reduce((m, row) => m + Math.max(...row), 0) / 500;
    const row = widget.locator(`tr[data-style="${style}"]`);
    expect(Number(await row.getAttribute('data-correct'))).toBe(correct);
    expect(Number(await row.getAttribute('data-n'))).toBe(500);
    expect(Number(await row.getAttribute('data-confidence'))).toBeCloseTo(confidence, 3);
    await expect(row.locator('[data-accuracy]')).toHaveText(percent(correct / 500));
    await expect(row.locator('[data-confidence]')).toHaveText(percent(confidence));
    const text = await prose(page);
    expect(text, style).toContain(`right ${correct} times out of 500`);
    for (const figure of [percent(correct / 500), percent(confidence)]) expect(text, style).toContain(figure);
  }
  // Both maps are drawn, with the shared axes' labels.
  await expect(widget.locator('[data-plot="held-out"] svg')).toHaveCount(1);
  await expect(widget.locator('[data-plot="unseen"] svg')).toContainText('PC 1');
});

/** The scene turned a quarter turn counter-clockwise `turns` times (exact: pixels only move). */
function quarterTurns(image: Float32Array, turns: number): Float32Array {
  let out = image;
  for (let t = 0; t < turns; t++) {
    const next = new Float32Array(out.length);
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) for (let c = 0; c < 3; c++) next[(y * 64 + x) * 3 + c] = out[(x * 64 + (63 - y)) * 3 + c]!;
    out = next;
  }
  return out;
}

test('the invariance probe equals the replayed model on exactly turned and brightened copies', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'invariance-probe');
  const widget = page.locator('#invariance-probe');
  const curve = async () => JSON.parse((await widget.getAttribute('data-curve'))!) as { index: number; kind: string; values: number[]; label: number; p: number[] };
  await widget.locator('[data-index]').fill('5');
  await widget.locator('[data-index]').dispatchEvent('change');
  await expect.poll(async () => (await curve()).index).toBe(5);
  const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 5);
  const label = scene.objects[0]!.classIndex;
  let shown = await curve();
  expect(shown.label).toBe(label);
  const turned = await referenceSoftmax(page, [scene.image, quarterTurns(scene.image, 1), quarterTurns(scene.image, 2), quarterTurns(scene.image, 3)]);
  for (const [degrees, k] of [[0, 0], [90, 1], [180, 2], [-180, 2], [-90, 3]] as const) {
    expect(shown.p[shown.values.indexOf(degrees)]).toBeCloseTo(turned[k]![label]!, 3);
  }
  await widget.locator('[data-change]').selectOption('brightness');
  await expect.poll(async () => (await curve()).kind).toBe('brightness');
  shown = await curve();
  const brightened = await referenceSoftmax(page, shown.values.map((f) => scene.image.map((x) => Math.min(1, x * f))));
  shown.values.forEach((_, i) => expect(shown.p[i]).toBeCloseTo(brightened[i]![label]!, 3));
  // The slider's view shows the model's answer for the value it points at.
  await widget.locator('input[data-value]').evaluate((input: HTMLInputElement) => {
    input.value = '8';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(widget.locator('[data-value-text]')).toHaveText('0.8');
  await expect(widget.locator('[data-view-caption]')).toContainText(`= ${(100 * brightened[8]![label]!).toFixed(1)}%`);
});

test('the channel statistics equal a two-pass computation over the same 300 training scenes, and the prose quotes them', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'channel-stats');
  const atlas = loadAtlas();
  const images = Array.from({ length: 300 }, (_, i) => sceneAt(atlas, 1002, i).image);
  const rows = page.locator('#channel-stats [data-rows] tr');
  await expect(rows).toHaveCount(3);
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    for (const im of images) for (let p = c; p < im.length; p += 3) sum += im[p]!;
    const n = 300 * 4096;
    const mean = sum / n;
    let sq = 0;
    for (const im of images) for (let p = c; p < im.length; p += 3) sq += (im[p]! - mean) ** 2;
    const std = Math.sqrt(sq / n);
    const row = rows.nth(c);
    expect(Number(await row.getAttribute('data-mean'))).toBeCloseTo(mean, 6);
    expect(Number(await row.getAttribute('data-std'))).toBeCloseTo(std, 6);
    const text = await prose(page);
    expect(text).toContain(mean.toFixed(3));
    expect(text).toContain(std.toFixed(3));
    const x = images[0]![(32 * 64 + 32) * 3 + c]!;
    expect(Number(await row.getAttribute('data-normalized'))).toBeCloseTo((x - mean) / std, 4);
  }
});
