import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { guidedReluExample } from '~/engine/tasks/saliency.ts';

describe('guidedReluExample', () => {
  it('gives the forward pass and the three backward rules (by hand)', async () => {
    const z = [2, -1, 0.5, -3, 1, -0.5];
    const r = [-1, 3, 2, -2, 0.5, 1];
    const rows = await guidedReluExample(z, r);
    expect(rows.forward).toEqual([2, 0, 0.5, 0, 1, 0]);
    expect(rows.forwardMask).toEqual([1, 0, 1, 0, 1, 0]);
    expect(rows.backwardMask).toEqual([0, 1, 1, 0, 1, 1]);
    expect(rows.backprop).toEqual([-1, 0, 2, 0, 0.5, 0]); // R where z > 0
    expect(rows.deconvnet).toEqual([0, 3, 2, 0, 0.5, 1]); // R where R > 0
    expect(rows.guided).toEqual([0, 0, 2, 0, 0.5, 0]); // R where both
  });

  it('treats 0 as switched off, forwards and backwards', async () => {
    const rows = await guidedReluExample([0, 1], [1, 0]);
    expect([rows.forwardMask, rows.backwardMask, rows.guided]).toEqual([[0, 1], [1, 0], [0, 0]]);
  });

  it('names a bad argument', async () => {
    await expect(guidedReluExample([1, 2], [1])).rejects.toThrow('guidedReluExample(upstream): expected 2 finite numbers, got array of length 1');
    await expect(guidedReluExample([1, Number.NaN], [1, 1])).rejects.toThrow('guidedReluExample(z): expected 2 finite numbers');
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    await guidedReluExample([1, -1, 2], [0.5, 0.5, -0.5]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
