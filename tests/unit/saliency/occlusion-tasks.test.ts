import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { classScores } from '~/engine/probe/index.ts';
import { occludedScore, occlusionSweep, type SweepProgress } from '~/engine/tasks/saliency.ts';
import { tinyImage, tinyRgbCnn } from './tiny-rgb.ts';

const model = tinyRgbCnn();
const image = tinyImage();
afterAll(() => model.dispose());

/** S_c of the image with a grey square written in by hand, on the CPU, then through the model. */
async function scoreByHand(top: number, left: number, size: number, fill: number, c: number): Promise<number> {
  const copy = Float32Array.from(image);
  for (let i = top; i < top + size; i++) for (let j = left; j < left + size; j++) for (let k = 0; k < 3; k++) copy[(i * 8 + j) * 3 + k] = fill;
  const x = tf.tensor3d(copy, [8, 8, 3]);
  const logits = classScores(model, x);
  const value = (await logits.data())[c]!;
  tf.dispose([x, logits]);
  return value;
}

describe('occludedScore', () => {
  it('equals the score of an image occluded by hand, and the drop is baseline minus it', async () => {
    const result = await occludedScore(image, 1, { top: 2, left: 3, size: 3, fill: 0.5 }, model);
    const probs = model.predict(tf.tensor4d(image, [1, 8, 8, 3])) as tf.Tensor;
    expect(result.occluded.score).toBeCloseTo(await scoreByHand(2, 3, 3, 0.5, 1), 5);
    expect(result.baseline.score).toBeCloseTo(await scoreByHand(0, 0, 0, 0.5, 1), 5);
    expect(result.baseline.probability).toBeCloseTo((await probs.data())[1]!, 5);
    expect(result.drop).toBeCloseTo(result.baseline.score - result.occluded.score, 6);
    probs.dispose();
  });

  it('refuses a patch outside the image and a class the model lacks', async () => {
    await expect(occludedScore(image, 0, { top: 6, left: 0, size: 3, fill: 0.5 }, model)).rejects.toThrow('occludedScore(patch): expected a square inside the 8 x 8 image, got "3 x 3 at (6, 0)"');
    await expect(occludedScore(image, 3, { top: 0, left: 0, size: 3, fill: 0.5 }, model)).rejects.toThrow('occludedScore(classIndex): expected an integer in [0, 3)');
  });

  it('does not leak memory', async () => {
    await occludedScore(image, 0, { top: 0, left: 0, size: 2, fill: 0.5 }, model);
    const before = tf.memory().numTensors;
    await occludedScore(image, 0, { top: 1, left: 1, size: 2, fill: 0.5 }, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('occlusionSweep', () => {
  it('fills the grid with the drop at every patch position, batch by batch', async () => {
    const reports: SweepProgress[] = [];
    // A tiny budget forces batches of one or two copies, so the map fills in over several reports.
    const last = await occlusionSweep(image, 2, { patch: 3, stride: 2, fill: 0.5, budgetMs: 0.01 }, new AbortController().signal, (p) => reports.push(p), model);
    expect([last.plan.rows, last.plan.cols, last.done, last.total]).toEqual([3, 3, 9, 9]);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    expect(last.batches).toBe(reports.length);
    const baseline = await scoreByHand(0, 0, 0, 0.5, 2);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        expect(last.grid.values[r * 3 + c]).toBeCloseTo(baseline - (await scoreByHand(2 * r, 2 * c, 3, 0.5, 2)), 4);
      }
    }
    expect(last.overlay.length).toBe(8 * 8 * 4);
  });

  it('stops between batches when cancelled', async () => {
    const controller = new AbortController();
    const last = await occlusionSweep(image, 0, { patch: 2, stride: 1, fill: 0.5, budgetMs: 0.01 }, controller.signal, () => controller.abort(), model);
    expect(last.done).toBeLessThan(last.total);
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    await occlusionSweep(image, 0, { patch: 4, stride: 4, fill: 0, budgetMs: 5 }, new AbortController().signal, () => undefined, model);
    expect(tf.memory().numTensors).toBe(before);
    await expect(occlusionSweep(image, 0, { patch: 4, stride: 4, fill: 2 }, new AbortController().signal, () => undefined, model)).rejects.toThrow('occlusionSweep(fill)');
    expect(tf.memory().numTensors).toBe(before);
  });
});
