import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientSaliency, smoothGradSaliency, type SmoothGradProgress } from '~/engine/tasks/saliency.ts';
import { tinyImage, tinyRgbCnn } from './tiny-rgb.ts';

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

describe('smoothGradSaliency', () => {
  const signal = () => new AbortController().signal;

  it('with no noise is the vanilla map; with noise it reports progress up to n samples', async () => {
    const vanilla = await gradientSaliency(image, 1, model);
    const still = await smoothGradSaliency(image, 1, { samples: 3, sigma: 0, seed: 1 }, signal(), () => undefined, model);
    Array.from(still.map.values).forEach((value, p) => expect(value).toBeCloseTo(vanilla.vanilla.values[p]!, 5));
    const reports: SmoothGradProgress[] = [];
    const noisy = await smoothGradSaliency(image, 1, { samples: 6, sigma: 0.2, seed: 4, drawEveryMs: 0 }, signal(), (p) => reports.push(p), model);
    expect(reports.map((r) => r.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(noisy.done).toBe(6);
    expect(Array.from(noisy.map.values)).not.toEqual(Array.from(still.map.values));
    const again = await smoothGradSaliency(image, 1, { samples: 6, sigma: 0.2, seed: 4 }, signal(), () => undefined, model);
    expect(Array.from(again.map.values)).toEqual(Array.from(noisy.map.values));
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const last = await smoothGradSaliency(image, 0, { samples: 50, sigma: 0.1, seed: 1, drawEveryMs: 0 }, controller.signal, () => controller.abort(), model);
    expect(last.done).toBe(1);
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    await smoothGradSaliency(image, 0, { samples: 4, sigma: 0.15, seed: 2 }, signal(), () => undefined, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
