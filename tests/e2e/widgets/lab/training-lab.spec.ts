import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { LabPoint, LabRun } from '../../../../src/engine/train/lab/run.ts';
import { expect, ready, test } from '../../fixtures.ts';
import { heldOutScene } from '../../reference/scenes.ts';
import { referenceGradients, relativeGap } from '../explain/cam-reference.ts';

const LAB_LESSON = '/lessons/what-augmentation-buys/';

/** Training is long and runs on one backend: the wasm project only (the reference runs trained on wasm in Node). */
test.skip(({ backend }) => backend !== 'wasm', 'training is checked on wasm');
test.describe.configure({ timeout: 600_000 });

/** A committed reference run (Node, wasm): the same settings train the same model. */
const reference = (policy: string, seed: number): LabRun => JSON.parse(readFileSync(`public/experiments/${policy}/seed-${seed}.json`, 'utf8')) as LabRun;

/**
 * Agreement of a browser run with the reference run of the same seed: the page
 * and Node run the same code on the same wasm kernels, but the browser's wasm
 * may use SIMD where Node's did not, so sums can round differently. Loss to
 * 1e-3; accuracies and pointing to 0.5 points (2.5 images of 500).
 */
function expectAgreement(mine: LabPoint, theirs: LabPoint): void {
  expect(Math.abs(mine.trainLoss - theirs.trainLoss)).toBeLessThan(1e-3);
  for (const key of ['trainAccuracy', 'heldOut', 'unseen', 'pointing', 'pointingTolerant'] as const) expect(Math.abs(mine[key] - theirs[key]), key).toBeLessThanOrEqual(0.005);
}

async function openLab(page: Page, open: (path: string) => Promise<void>): Promise<Locator> {
  await open(LAB_LESSON);
  const lab = page.locator('#training-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.locator('[data-widget-status]')).toContainText('Ready');
  return lab;
}

/**
 * The Grad-CAM explorer on the CAM lesson, given a saved run and the shipped
 * baseline of the same spec (objects-lab): each one's alphas equal the replay of
 * its weights as saved (IndexedDB for the run), and the two heatmaps differ.
 */
async function expectExplained(page: Page, open: (path: string) => Promise<void>, run: string, label: string): Promise<void> {
  await open('/lessons/cam-and-grad-cam/');
  await ready(page, 'grad-cam-explorer');
  const root = page.locator('#grad-cam-explorer');
  const menu = root.locator('[data-model-menu]');
  await expect(menu.locator('optgroup[label="Your saved runs (training lab)"] option')).toHaveText([`${label} (saved run ${run})`]);
  const heatmap = () => root.locator('[data-map="grad-cam"] [data-map-canvas]').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const image = heldOutScene(0, 2).image;
  const shown: Record<string, { alphas: number[]; heatmap: string }> = {};
  for (const model of ['objects-lab', run]) {
    await menu.selectOption(model);
    await expect(root).toHaveAttribute('data-model', model, { timeout: 60_000 });
    await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
    const alphas = JSON.parse((await root.getAttribute('data-alphas'))!) as number[];
    const reference = await referenceGradients(page, { image, model, classIndex: Number(await root.getAttribute('data-class-index')), layer: (await root.getAttribute('data-layer'))! });
    expect(relativeGap(alphas, reference.alphas), model).toBeLessThan(1e-3);
    shown[model] = { alphas, heatmap: await heatmap() };
  }
  expect(shown[run]!.alphas).toHaveLength(32);
  expect(shown[run]!.heatmap).not.toBe(shown['objects-lab']!.heatmap);
  expect(relativeGap(shown[run]!.alphas, shown['objects-lab']!.alphas)).toBeGreaterThan(0.1);
}

const last = async (lab: Locator): Promise<LabPoint> => JSON.parse((await lab.getAttribute('data-last'))!) as LabPoint;

test('a run pauses and resumes, survives a reload, matches the reference run, prints what its curves end on, and is explained from its saved weights', async ({ page, open }) => {
  let lab = await openLab(page, open);
  await lab.locator('[data-epochs]').selectOption('2');
  await expect(lab.locator('[data-train]')).toHaveText('Train');
  await lab.locator('[data-train]').click();
  await expect(lab).toHaveAttribute('data-phase', 'running');

  // Pause in the second epoch: the run holds, then goes on.
  await expect.poll(async () => (await lab.getAttribute('data-last')) ?? '', { timeout: 300_000 }).toContain('"epoch":1');
  await lab.locator('[data-train]').click();
  await expect(lab).toHaveAttribute('data-phase', 'paused');
  const bar = lab.locator('[data-progress]');
  const held = await bar.evaluate((b: HTMLProgressElement) => b.value);
  await page.waitForTimeout(2000);
  expect(await bar.evaluate((b: HTMLProgressElement) => b.value)).toBe(held);
  await lab.locator('[data-train]').click();
  await expect.poll(() => bar.evaluate((b: HTMLProgressElement) => b.value), { timeout: 120_000 }).toBeGreaterThan(held);

  // A reload mid-epoch: the run is listed as unfinished and resumes from its last checkpoint (epoch 1's end).
  await page.reload();
  lab = page.locator('#training-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.locator('[data-widget-status]')).toContainText('Ready');
  const row = lab.locator('[data-runs] tr[data-run="flips-crops-a35-s1-e2"]');
  await expect(row).toContainText('unfinished');
  await expect(row.locator('td').nth(2)).toHaveText('1 / 2');
  await expect(lab.locator('[data-epochs]')).toHaveValue('2');
  await expect(lab.locator('[data-train]')).toHaveText('Resume from epoch 2');
  await lab.locator('[data-train]').click();
  await expect(row.locator('td').nth(2)).toHaveText('2 / 2', { timeout: 300_000 });
  await expect(lab).toHaveAttribute('data-phase', 'idle');
  await expect(lab.locator('[data-progress-text]')).toHaveText(/^Finished: 2 epochs at \d+ images\/s\.$/);

  // The resumed run is the reference run, epoch for epoch, and its loss fell.
  const { curves } = reference('flips-crops', 1);
  // The last point is written when the epoch's figures arrive, which can be just after the run says it finished.
  await expect.poll(async () => (await last(lab)).epoch).toBe(2);
  const end = await last(lab);
  expectAgreement(end, curves[1]!);
  const series = JSON.parse((await lab.locator('[data-panel="trainLoss"]').getAttribute('data-series'))!) as { key: string; values: number[] }[];
  const mine = series.find((s) => s.key === 'flips-crops-a35-s1-e2')!;
  expect(mine.values).toHaveLength(2);
  expect(mine.values[1]).toBeLessThan(mine.values[0]!);
  expect(Math.abs(mine.values[0]! - curves[0]!.trainLoss)).toBeLessThan(1e-3);

  // Each panel's curve ends on the numbers the read-out prints.
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  for (const [panel, words] of [['heldOut', 'held-out accuracy'], ['unseen', 'unseen-style accuracy'], ['pointing', 'pointing game']] as const) {
    const values = (JSON.parse((await lab.locator(`[data-panel="${panel}"]`).getAttribute('data-series'))!) as { key: string; values: number[] }[]).find((s) => s.key === mine.key)!.values;
    await expect(lab.locator('[data-readout]')).toContainText(`${words} ${pct(values.at(-1)!)}`);
  }
  await expect(lab.locator('[data-readout]')).toContainText(`train loss ${mine.values[1]!.toFixed(3)}`);
  const label = 'Lab: Flips + random resized crops (smallest crop area 0.35), seed 1, 2 epochs';
  await expect(lab.locator('[data-widget-status]')).toContainText(label);

  // The kept run is a model of the book: the Grad-CAM explorer explains it, differently from the shipped baseline.
  await expectExplained(page, open, `run:${mine.key}`, label);
});
