import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientSaliency, smoothGradSaliency, type SmoothGradArgs } from '~/engine/tasks/saliency.ts';
import { tinyImage, tinyRgbCnn } from './tiny-rgb.ts';
import { cancelled, leavesNoTensors, pausedAndStraight, runAll } from '../trust/session-checks.ts';

const model = tinyRgbCnn();
const image = tinyImage();
afterAll(() => model.dispose());

describe('gradientSaliency', () => {
  it('on a linear model is max over channels of |W| for both rules (no ReLU to guide)', async () => {
    // y_0 = W[:, 0] . x on a 2 x 2 RGB image: the gradient is W[:, 0], one row per (pixel, channel).
    const linear = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [2, 2, 3] }), tfl.layers.dense({ units: 2, name: 'out' })] });
    const column = [1, -3, 0.5, -0.25, 2, 0, 0, 0, 0.1, -4, 1, 1];
    const w = tf.tensor2d(column.flatMap((v) => [v, 0]), [12, 2]);
    const b = tf.zeros([2]);
    linear.getLayer('out').setWeights([w, b]);
    const maps = await gradientSaliency(new Float32Array(12).fill(0.5), 0, linear);
    expect(Array.from(maps.vanilla.values)).toEqual([3, 2, Math.fround(0.1), 4]);
    expect(Array.from(maps.guided.values)).toEqual([3, 2, Math.fround(0.1), 4]);
    tf.dispose([w, b]);
    linear.dispose();
  });

  it('guided is zero wherever vanilla is, and differs from it on a ReLU network', async () => {
    const maps = await gradientSaliency(image, 1, model);
    expect([maps.vanilla.width, maps.vanilla.height]).toEqual([8, 8]);
    const v = Array.from(maps.vanilla.values);
    const g = Array.from(maps.guided.values);
    v.forEach((value, p) => value === 0 && expect(g[p]).toBe(0));
    expect(g).not.toEqual(v);
  });

  it('does not leak memory', async () => {
    await gradientSaliency(image, 0, model);
    const before = tf.memory().numTensors;
    await gradientSaliency(image, 2, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the smoothGradSaliency session', () => {
  const make = (settings: Partial<SmoothGradArgs>) => () => smoothGradSaliency({ image, classIndex: 1, samples: 6, sigma: 0.2, seed: 4, model, ...settings });

  it('with no noise is the vanilla map; with noise it reports progress sample by sample', async () => {
    const vanilla = await gradientSaliency(image, 1, model);
    const { result: still } = await runAll(make({ samples: 3, sigma: 0, seed: 1 }));
    Array.from(still.map.values).forEach((value, p) => expect(value).toBeCloseTo(vanilla.vanilla.values[p]!, 5));
    // One sample a chunk: a report before the first, after each, and the last one done.
    const { result: noisy, reports } = await runAll(make({}));
    expect(reports.map((r) => r.progress.done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(reports.at(-1)!.status).toBe('done');
    expect(noisy.done).toBe(6);
    expect(Array.from(noisy.map.values)).not.toEqual(Array.from(still.map.values));
    const again = await runAll(make({}));
    expect(Array.from(again.result.map.values)).toEqual(Array.from(noisy.map.values));
  });

  it('holds still while paused and resumes to the map of an uninterrupted run', async () => {
    const { straight, resumed } = await pausedAndStraight(make({ samples: 8 }), (p) => p.done === 3);
    expect(resumed.done).toBe(8);
    expect(Array.from(resumed.map.values)).toEqual(Array.from(straight.map.values));
  });

  it('stops when cancelled, and reports nothing after', async () => {
    await cancelled(make({ classIndex: 0, samples: 50, sigma: 0.1, seed: 1 }), (p) => p.done === 1);
  });

  it('does not leak memory', async () => {
    await leavesNoTensors(make({ classIndex: 0, samples: 4, sigma: 0.15, seed: 2 }), (p) => p.done === 2);
    await expect(smoothGradSaliency({ image, classIndex: 5, samples: 2, sigma: 0.1, seed: 1, model })).rejects.toThrow('smoothGradSaliency(classIndex)');
  });
});
