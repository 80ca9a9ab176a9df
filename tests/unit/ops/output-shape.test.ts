import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { outputShape } from '~/engine/tasks/output-shape.ts';

describe('outputShape', () => {
  it('cross-checks the formula with a real convolution', async () => {
    expect(await outputShape({ n: 64, k: 3, p: 1, s: 2 })).toEqual({ o: 32, lost: 1, shape: [32, 32] });
  });

  it('skips the convolution, not the formula, where it would hold the page too long', async () => {
    // 3 600^2 outputs of a 499 x 499 kernel; 12 288^2 padded zeros: each far past the limit.
    expect(await outputShape({ n: 4096, k: 499, p: 1, s: 1 })).toEqual({ o: 3600, lost: 0, shape: null });
    expect(await outputShape({ n: 4096, k: 1, p: 4096, s: 4096 })).toEqual({ o: 3, lost: 4095, shape: null });
  });

  it('explains numbers the formula rejects instead of throwing', async () => {
    expect(await outputShape({ n: 8, k: 11, p: 0, s: 1 })).toEqual({ problem: { field: 'k', max: 8 } });
    expect(await outputShape({ n: 8, k: 3, p: 0, s: 0 })).toEqual({ problem: { field: 's', min: 1 } });
  });

  it('does not leak memory', async () => {
    await outputShape({ n: 16, k: 3, p: 1, s: 1 });
    const before = tf.memory().numTensors;
    await outputShape({ n: 16, k: 3, p: 1, s: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
