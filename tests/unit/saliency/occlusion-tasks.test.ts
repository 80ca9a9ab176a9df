import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { classScores } from '~/engine/probe/index.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
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
    const sweep = await occlusionSweep({ image, classIndex: 2, patch: 3, stride: 2, fill: 0.5, model });
    const last = await new SessionRunner().start('w', sweep, { budgetMs: 0.01, reportEveryMs: 0, onReport: (r) => reports.push(r.progress) });
    expect([last.plan.rows, last.plan.cols, last.done, last.total]).toEqual([3, 3, 9, 9]);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    // A report before the first batch and one after each batch but the last, whose report is the result.
    expect(last.batches).toBe(reports.length - 1);
    const baseline = await scoreByHand(0, 0, 0, 0.5, 2);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        expect(last.grid.values[r * 3 + c]).toBeCloseTo(baseline - (await scoreByHand(2 * r, 2 * c, 3, 0.5, 2)), 4);
      }
    }
    expect(last.overlay.length).toBe(8 * 8 * 4);
  });

  it('stops between batches when cancelled, and reports nothing after', async () => {
    const runner = new SessionRunner();
    const sweep = await occlusionSweep({ image, classIndex: 0, patch: 2, stride: 1, fill: 0.5, model });
    let reports = 0;
    const result = runner.start('w', sweep, { budgetMs: 0.01, reportEveryMs: 0, onReport: () => reports++ }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runner.cancel('w');
    const seen = reports;
    expect(isSuperseded(await result)).toBe(true);
    expect(sweep.remaining()).toBeGreaterThan(0);
    expect(reports).toBe(seen);
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    await new SessionRunner().start('w', await occlusionSweep({ image, classIndex: 0, patch: 4, stride: 4, fill: 0, model }));
    expect(tf.memory().numTensors).toBe(before);
    await expect(occlusionSweep({ image, classIndex: 0, patch: 4, stride: 4, fill: 2, model })).rejects.toThrow('occlusionSweep(fill)');
    expect(tf.memory().numTensors).toBe(before);
  });
});
