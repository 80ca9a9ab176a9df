import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { maxPool } from '~/engine/ops/max-pool.ts';
import { relu } from '~/engine/ops/relu.ts';

describe('relu', () => {
  it('zeroes negatives and keeps the rest', async () => {
    const z = tf.tensor1d([-3, -0.5, 0, 2.5]);
    const r = relu(z);
    expect(await r.array()).toEqual([0, 0, 0, 2.5]);
    tf.dispose([z, r]);
  });
});

describe('maxPool', () => {
  const Y = [
    [1, 3, 2, 0, 7],
    [4, 0, 1, 5, 1],
    [2, 6, 8, 1, 0],
    [0, 1, 3, 9, 2],
    [5, 2, 1, 0, 4],
  ];

  it('keeps the largest value per window (by hand)', async () => {
    const y = tf.tensor2d(Y);
    const p2 = maxPool(y, { size: 2, stride: 2 });
    const p3 = maxPool(y, { size: 3, stride: 1 });
    // k=2, s=2: windows at rows/cols 0 and 2 -> [[max(1,3,4,0), max(2,0,1,5)], [max(2,6,0,1), max(8,1,3,9)]]
    expect(await p2.array()).toEqual([[4, 5], [6, 9]]);
    // k=3, s=1: 3 x 3 output
    expect(await p3.array()).toEqual([[8, 8, 8], [8, 9, 9], [8, 9, 9]]);
    tf.dispose([y, p2, p3]);
  });

  it('names the bad argument and does not leak', () => {
    const y = tf.tensor2d(Y);
    expect(() => maxPool(y, { size: 6, stride: 1 })).toThrow('maxPool(y): expected a map of at least 6 x 6, got "5 x 5"');
    const before = tf.memory().numTensors;
    const p = maxPool(y, { size: 2, stride: 1 });
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([y, p]);
  });
});
