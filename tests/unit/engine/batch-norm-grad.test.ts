import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// tests/unit/setup.ts registers the replacement (src/engine/runtime/batch-norm-grad.ts) as the engine does.
describe('batch normalisation input gradient (broadcast, no Tile)', () => {
  it('is dy * scale / sqrt(variance + eps) per channel, by hand, with the other gradients left to tfjs-core', async () => {
    // x: [1, 1, 2, 2] (two positions, two channels); per-channel mean, variance, offset, scale.
    const x = tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]);
    const mean = tf.tensor1d([2, 3]);
    const variance = tf.tensor1d([4, 0.25]);
    const offset = tf.tensor1d([0.5, -1]);
    const scale = tf.tensor1d([3, 2]);
    const eps = 0;
    // The loss weights every output: L = sum(w * BN(x)), so dy = w.
    const w = tf.tensor4d([1, -1, 2, 0.5], [1, 1, 2, 2]);
    const grads = tf.grads((xi: tf.Tensor, si: tf.Tensor, oi: tf.Tensor) => tf.sum(tf.mul(w, tf.batchNorm(xi as tf.Tensor4D, mean, variance, oi, si, eps))));
    const [dx, dScale, dOffset] = grads([x, scale, offset]);
    // Channel 0: scale / sqrt(4) = 1.5; channel 1: 2 / sqrt(0.25) = 4. dx = w * that.
    expect(Array.from(await dx!.data())).toEqual([1.5, -4, 3, 2]);
    // dScale = sum over positions of w * (x - mean) / sqrt(var): ch 0 (1 * -1 + 2 * 1) / 2 = 0.5; ch 1 (-1 * -1 + 0.5 * 1) / 0.5 = 3.
    expect(Array.from(await dScale!.data())).toEqual([0.5, 3]);
    // dOffset = sum of w per channel.
    expect(Array.from(await dOffset!.data())).toEqual([3, -0.5]);
    tf.dispose([x, mean, variance, offset, scale, w, dx!, dScale!, dOffset!]);
  });

  it('multiplies by broadcasting: no kernel tiles the per-channel factor to the batch', async () => {
    const x = tf.randomNormal([2, 3, 3, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const [mean, variance, offset, scale] = [tf.zeros([4]), tf.ones([4]), tf.zeros([4]), tf.ones([4])];
    const grad = tf.grad((xi: tf.Tensor) => tf.sum(tf.batchNorm(xi as tf.Tensor4D, mean, variance, offset, scale, 1e-3)));
    const { kernels, result } = await tf.profile(() => grad(x));
    expect(kernels.map((k) => k.name)).toContain('FusedBatchNorm');
    expect(kernels.map((k) => k.name)).not.toContain('Tile');
    tf.dispose([result as tf.Tensor, x, mean, variance, offset, scale]);
  });

  it('does not leak memory', () => {
    const x = tf.randomNormal([2, 3, 3, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const [mean, variance, offset, scale] = [tf.zeros([4]), tf.ones([4]), tf.zeros([4]), tf.ones([4])];
    const grad = tf.grad((xi: tf.Tensor) => tf.sum(tf.batchNorm(xi as tf.Tensor4D, mean, variance, offset, scale, 1e-3)));
    grad(x).dispose();
    const before = tf.memory().numTensors;
    grad(x).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, mean, variance, offset, scale]);
  });
});
