import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { latentCodes } from '~/engine/gan/latent.ts';
import { recalibrateBatchNorm } from '~/engine/train/recalibrate-bn.ts';
import { TINY_GAN, tinyGenerator } from './helpers.ts';

describe('batch-norm recalibration', () => {
  it("makes inference on a batch equal training mode on it: every layer's statistics are the batch's", async () => {
    const generator = tinyGenerator();
    const z = tf.tensor2d(latentCodes(5, 0, 300, TINY_GAN.latent), [300, TINY_GAN.latent]);
    const values = async (t: tf.Tensor) => (await t.data()) as Float32Array;
    const training = await values(generator.apply(z, { training: true }) as tf.Tensor);
    const before = await values(generator.predict(z) as tf.Tensor);
    await recalibrateBatchNorm(generator, z);
    const after = await values(generator.predict(z) as tf.Tensor);
    const gap = (a: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - training[i]!)), 0);
    expect(gap(before)).toBeGreaterThan(0.05);
    expect(gap(after)).toBeLessThan(1e-4);
    // The first batch norm's moving mean is the mean of its input (the projection) over the batch and the 4 x 4 cells.
    const projected = (generator.getLayer('project').apply(z) as tf.Tensor).reshape([300 * 16, 8]);
    const mean = await projected.mean(0).data();
    const moving = await generator.getLayer('project_bn').getWeights()[2]!.data();
    mean.forEach((v, i) => expect(moving[i]).toBeCloseTo(v, 5));
  });
});
