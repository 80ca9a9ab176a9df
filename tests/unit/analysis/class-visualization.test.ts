import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ClassVisualization, channelObjective, type ClassVisualizationOptions } from '~/engine/explain/class-visualization.ts';
import { jitter } from '~/engine/explain/regularizers/jitter.ts';
import { transformRobustness } from '~/engine/explain/regularizers/transform-robustness.ts';

const H = 4;
const W = 5;
/** A fixed weight image W, [1, 4, 5, 3], values in [-1, 1]. */
const weights = () => tf.tidy(() => tf.linspace(-1, 1, H * W * 3).reshape([1, H, W, 3]) as tf.Tensor4D);

async function run(options: Partial<ClassVisualizationOptions>, steps: number, score?: (w: tf.Tensor4D) => (i: tf.Tensor4D) => tf.Tensor) {
  const w = weights();
  const vis = new ClassVisualization({ height: H, width: W, ...options });
  vis.init(score ? score(w) : (image) => image.mul(w).sum());
  vis.step(steps);
  const raw = vis.readRaw();
  const out = { values: Array.from(await raw.data()), w: Array.from(await w.data()) };
  tf.dispose([raw, w]);
  vis.dispose();
  return out;
}

const norm = (v: number[]) => Math.hypot(...v);

describe('ClassVisualization', () => {
  it('on a linear score S(I) = sum(W * I) converges to the closed form I* = W / (2 lambda)', async () => {
    // I <- I + eta (W - 2 lambda I) contracts by |1 - 2 lambda eta| = 0.5 per step.
    const lambda = 0.25;
    const { values, w } = await run({ lambda, learningRate: 1, initScale: 0.1 }, 60);
    values.forEach((v, k) => expect(v).toBeCloseTo(w[k]! / (2 * lambda), 5));
  });

  it('a larger lambda gives a smaller image', async () => {
    const small = await run({ lambda: 0.1, learningRate: 0.5 }, 100);
    const large = await run({ lambda: 1, learningRate: 0.5 }, 100);
    expect(norm(large.values)).toBeLessThan(norm(small.values) / 5);
  });

  it('is deterministic under a seed, with random regularisers on', async () => {
    const regularizers = [jitter(1), transformRobustness({ scale: 0.1, degrees: 10 })];
    const a = await run({ seed: 7, regularizers, lambda: 0.1, learningRate: 0.1 }, 5);
    const b = await run({ seed: 7, regularizers, lambda: 0.1, learningRate: 0.1 }, 5);
    const c = await run({ seed: 8, regularizers, lambda: 0.1, learningRate: 0.1 }, 5);
    expect(a.values).toEqual(b.values);
    expect(a.values).not.toEqual(c.values);
  });

  it('climbs a channel objective (feature visualisation) and reads an image in [0, 1]', async () => {
    const vis = new ClassVisualization({ height: H, width: W, lambda: 0.5, learningRate: 0.5, initScale: 0 });
    // "Activations" = the image itself: the mean of channel 1 rises, channels 0 and 2 stay at 0.
    vis.init(channelObjective((image) => image, 1));
    vis.step(30);
    const raw = vis.readRaw();
    const [c0, c1] = [raw.slice([0, 0, 0], [H, W, 1]), raw.slice([0, 0, 1], [H, W, 1])];
    expect((await c0.abs().max().data())[0]).toBe(0);
    expect((await c1.min().data())[0]).toBeCloseTo(1 / (2 * 0.5) / (H * W), 5);
    const shown = vis.read('clip');
    expect(shown.shape).toEqual([H, W, 3]);
    const normalized = vis.read();
    expect([(await normalized.min().data())[0], (await normalized.max().data())[0]]).toEqual([0, 1]);
    tf.dispose([raw, c0, c1, shown, normalized]);
    vis.dispose();
  });

  it('names bad arguments and a missing init', () => {
    expect(() => new ClassVisualization({ height: 0, width: 4 })).toThrow('ClassVisualization(height): expected an integer >= 1, got 0');
    expect(() => new ClassVisualization({ height: 4, width: 4, lambda: -1 })).toThrow('ClassVisualization(lambda): expected a number >= 0, got -1');
    expect(() => new ClassVisualization({ height: 4, width: 4 }).step()).toThrow('call init(score)');
  });

  for (const parameterization of ['pixel', 'fourier'] as const) {
    it(`does not leak memory (${parameterization}, every regulariser on)`, async () => {
      const { blurEvery } = await import('~/engine/explain/regularizers/blur.ts');
      const { totalVariation } = await import('~/engine/explain/regularizers/total-variation.ts');
      const w = tf.ones([1, 8, 8, 3]);
      const before = tf.memory().numTensors;
      const vis = new ClassVisualization({
        height: 8, width: 8, parameterization, normalizeGradient: true,
        regularizers: [jitter(2), blurEvery(2), totalVariation(0.1), transformRobustness()],
      });
      vis.init((image) => image.mul(w).sum());
      const held = tf.memory().numTensors;
      vis.step(3);
      expect(tf.memory().numTensors).toBe(held);
      const image = vis.read();
      expect(tf.memory().numTensors).toBe(held + 1);
      image.dispose();
      vis.dispose();
      expect(tf.memory().numTensors).toBe(before);
      w.dispose();
    });
  }
});
