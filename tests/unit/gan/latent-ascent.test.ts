import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LatentAscent } from '~/engine/gan/latent-ascent.ts';
import { latentCode } from '~/engine/gan/latent.ts';
import { TINY_GAN, tinyGenerator } from './helpers.ts';

describe('class visualization through a generator', () => {
  const generator = tinyGenerator();
  // A score whose gradient is easy to reason about: the mean red of the image.
  const red = (image: tf.Tensor4D) => image.slice([0, 0, 0, 0], [-1, -1, -1, 1]).mean();

  it("moves z along the normalised gradient of S(G(z)) - lambda ||z||^2, which the objective's central difference confirms", async () => {
    const start = latentCode(3, 0, TINY_GAN.latent);
    const ascent = new LatentAscent(generator, red, { start, lambda: 0.01, learningRate: 0.05 });
    const value = (z: Float32Array) =>
      tf.tidy(() => {
        const { score, penalty } = ascent.objective(tf.tensor2d(z, [1, z.length]));
        return score.sub(penalty).dataSync()[0]!;
      });
    const before = value(start);
    ascent.step(1);
    const z = ascent.z.dataSync() as Float32Array;
    const step = Array.from(z, (v, i) => v - start[i]!);
    // The step is eta g / mean|g|: its mean magnitude is eta, and each coordinate has the sign of a central difference of the objective.
    expect(step.reduce((s, v) => s + Math.abs(v), 0) / step.length).toBeCloseTo(0.05, 5);
    for (const i of [0, 3, 5]) {
      const [up, down] = [Float32Array.from(start), Float32Array.from(start)];
      up[i]! += 1e-2;
      down[i]! -= 1e-2;
      const slope = (value(up) - value(down)) / 2e-2;
      if (Math.abs(slope) > 1e-3) expect(Math.sign(step[i]!)).toBe(Math.sign(slope));
    }
    expect(value(z)).toBeGreaterThan(before);
    ascent.dispose();
  });

  it('leaks nothing', () => {
    const before = tf.memory().numTensors;
    const ascent = new LatentAscent(generator, red, { start: latentCode(3, 1, TINY_GAN.latent), lambda: 0.05, learningRate: 0.05 });
    ascent.step(3);
    ascent.image().dispose();
    ascent.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
