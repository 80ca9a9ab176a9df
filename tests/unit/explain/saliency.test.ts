import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { createGaussian, SmoothGrad, smoothGrad, vanillaSaliency } from '~/engine/explain/index.ts';
import { inputGradient } from '~/engine/probe/index.ts';
import { expectClose, values } from './helpers.ts';

/** dS/dx of S = sum x^2, i.e. 2x: a gradient that depends on where it is taken. */
const squareGradient = async (x: tf.Tensor) => tf.tidy(() => x.mul(2));

describe('vanillaSaliency', () => {
  it('on a linear model is |W| with the largest channel magnitude (by hand)', async () => {
    // y_0 = sum over 2 x 1 pixels x 2 channels of W[:, 0] x + b: the gradient is W[:, 0].
    const model = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [2, 1, 2] }), tfl.layers.dense({ units: 2, name: 'out' })] });
    const W = tf.tensor2d([[1, 0], [-3, 0], [0.5, 0], [-0.25, 0]]); // rows: (pixel 0, ch 0), (pixel 0, ch 1), (pixel 1, ch 0), (pixel 1, ch 1)
    const b = tf.zeros([2]);
    model.getLayer('out').setWeights([W, b]);
    const x = tf.tensor4d([7, -1, 2, 4], [1, 2, 1, 2]);
    const g = inputGradient(model, x, 0) as tf.Tensor4D;
    expect(await values(g)).toEqual([1, -3, 0.5, -0.25]);
    const map = vanillaSaliency(g);
    expect(map.shape).toEqual([1, 2, 1]);
    expect(await values(map)).toEqual([3, 0.5]); // max(|1|, |-3|), max(|0.5|, |-0.25|)
    tf.dispose([W, b, x, g, map]);
    model.dispose();
  });

  it('does not leak memory', () => {
    const g = tf.ones([1, 3, 3, 3]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const map = vanillaSaliency(g);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([g, map]);
  });
});

describe('seeded Gaussian', () => {
  it('repeats under a seed and has mean 0, variance 1', () => {
    const a = createGaussian(7).sample(20001);
    expect(Array.from(createGaussian(7).sample(20001))).toEqual(Array.from(a));
    expect(Array.from(createGaussian(8).sample(5))).not.toEqual(Array.from(a.slice(0, 5)));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('smoothGrad', () => {
  const image = () => tf.tensor3d([[[0], [1]], [[2], [4]]]); // range 4

  it('is the same map for the same seed, and another for another seed', async () => {
    const x = image();
    const options = { samples: 5, sigma: 0.15, seed: 42 };
    const [a, b, c] = await Promise.all([
      smoothGrad(x, squareGradient, options),
      smoothGrad(x, squareGradient, options),
      smoothGrad(x, squareGradient, { ...options, seed: 43 }),
    ]);
    expect(await values(a)).toEqual(await values(b));
    expect(await values(a)).not.toEqual(await values(c));
    tf.dispose([x, a, b, c]);
  });

  it('averages gradients at x + noise of sd sigma * range (by hand, from the same seeded noise)', async () => {
    const x = image();
    // 2 (x + 0.1 * 4 * n_i) averaged over 3 samples = 2x + 0.8 * mean_i(n_i).
    const noise = createGaussian(1).sample(12);
    const meanNoise = [0, 1, 2, 3].map((p) => (noise[p]! + noise[4 + p]! + noise[8 + p]!) / 3);
    const out = await smoothGrad(x, squareGradient, { samples: 3, sigma: 0.1, seed: 1 });
    expectClose(await values(out), [0, 2, 4, 8].map((v, p) => v + 0.8 * meanNoise[p]!), 4);
    const plain = await smoothGrad(x, squareGradient, { samples: 2, sigma: 0, seed: 1 });
    expect(await values(plain)).toEqual([0, 2, 4, 8]); // no noise: the vanilla gradient
    tf.dispose([x, out, plain]);
  });

  it('steps one sample at a time and can be read between steps', async () => {
    const x = image();
    const run = new SmoothGrad(squareGradient, { samples: 3, sigma: 0, seed: 1, magnitude: true });
    run.init(x);
    const first = run.read();
    expect(await values(first)).toEqual([0, 0, 0, 0]);
    expect(await run.step()).toBe(true);
    expect(await run.step()).toBe(true);
    expect(run.done).toBe(2);
    expect(await run.step()).toBe(false);
    expect(await run.step()).toBe(false); // past the end: nothing more is added
    const last = run.read();
    expect(await values(last)).toEqual([0, 4, 16, 64]); // magnitude: squared gradients
    run.dispose();
    tf.dispose([x, first, last]);
  });

  it('refuses bad use, naming it', async () => {
    expect(() => new SmoothGrad(squareGradient, { samples: 0, sigma: 0.1, seed: 1 })).toThrow('SmoothGrad(samples): expected an integer >= 1, got 0');
    const run = new SmoothGrad(squareGradient, { samples: 2, sigma: 0.1, seed: 1 });
    await expect(run.step()).rejects.toThrow('SmoothGrad.step: call init(input) first');
    const x = image();
    const wrong = new SmoothGrad(async () => tf.zeros([3]), { samples: 1, sigma: 0.1, seed: 1 });
    wrong.init(x);
    await expect(wrong.step()).rejects.toThrow('SmoothGrad.step(gradientFn): expected a gradient of shape [2,2,1], got "[3]"');
    wrong.dispose();
    x.dispose();
  });

  it('does not leak memory (run to the end, stepped, failing, or restarted mid-step)', async () => {
    const x = image();
    const before = tf.memory().numTensors;
    const out = await smoothGrad(x, squareGradient, { samples: 4, sigma: 0.2, seed: 3 });
    expect(tf.memory().numTensors).toBe(before + 1);
    out.dispose();
    const failing = smoothGrad(x, async () => { throw new Error('model gone'); }, { samples: 2, sigma: 0.2, seed: 3 });
    await expect(failing).rejects.toThrow('model gone');
    const run = new SmoothGrad(squareGradient, { samples: 3, sigma: 0.2, seed: 3 });
    run.init(x);
    const pending = run.step();
    run.init(x); // restart while the gradient is being computed
    await expect(pending).rejects.toThrow('restarted or disposed');
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
