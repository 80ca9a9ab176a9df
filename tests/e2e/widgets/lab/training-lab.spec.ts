import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import type { LabPoint, LabRun } from '../../../../src/engine/train/lab/run.ts';
import { expect, test } from '../../fixtures.ts';
import { openLab } from './lab-page.ts';

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

const last = async (lab: Locator): Promise<LabPoint> => JSON.parse((await lab.getAttribute('data-last'))!) as LabPoint;

test('a run pauses and resumes, survives a reload, matches the reference run, and prints what its curves end on', async ({ page, open }) => {
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

  // The resumed run is the reference run, epoch for epoch, and its loss fell.
  const { curves } = reference('flips-crops', 1);
  const end = await last(lab);
  expect(end.epoch).toBe(2);
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
  await expect(lab.locator('[data-widget-status]')).toContainText('Lab: Flips + random resized crops (smallest crop area 0.35), seed 1, 2 epochs');
});
