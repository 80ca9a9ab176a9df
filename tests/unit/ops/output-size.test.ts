import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { conv2d } from '~/engine/ops/conv2d.ts';
import { outputSize, outputSizeProblem, uncoveredRows } from '~/engine/ops/output-size.ts';

describe('outputSize', () => {
  it('matches worked examples', () => {
    expect(outputSize({ n: 64, k: 3, p: 1, s: 1 })).toBe(64);
    expect(outputSize({ n: 64, k: 3, p: 1, s: 2 })).toBe(32);
    expect(outputSize({ n: 28, k: 5, p: 0, s: 1 })).toBe(24);
    expect(outputSize({ n: 7, k: 3, p: 0, s: 2 })).toBe(3);
    expect(uncoveredRows({ n: 8, k: 3, p: 0, s: 2 })).toBe(1);
  });

  it('agrees with the shape of a real convolution for every small case', () => {
    for (let n = 3; n <= 9; n++) {
      for (const [k, p, s] of [[3, 0, 1], [3, 1, 2], [2, 0, 2], [3, 2, 3], [1, 0, 1]] as const) {
        const x = tf.zeros([n, n]) as tf.Tensor2D;
        const kernel = Array.from({ length: k }, () => new Array<number>(k).fill(1));
        const y = conv2d(x, kernel, { stride: s, padding: p });
        expect(y.shape[0]).toBe(outputSize({ n, k, p, s }));
        tf.dispose([x, y]);
      }
    }
  });

  it('rejects impossible sizes', () => {
    expect(() => outputSize({ n: 2, k: 5, p: 1, s: 1 })).toThrow('outputSize(k): expected at most N + 2P = 4, got 5');
    expect(() => outputSize({ n: 2.5, k: 1, p: 0, s: 1 })).toThrow('outputSize(n): expected an integer >= 1, got 2.5');
  });

  it('names the first reason it refuses, for the widget to word in the reader’s language', () => {
    expect(outputSizeProblem({ n: 64, k: 3, p: 1, s: 1 })).toBeUndefined();
    expect(outputSizeProblem({ n: 2.5, k: 1, p: 0, s: 1 })).toEqual({ field: 'n', min: 1 });
    expect(outputSizeProblem({ n: 8, k: 3, p: -1, s: 0 })).toEqual({ field: 'p', min: 0 });
    expect(outputSizeProblem({ n: 2, k: 5, p: 1, s: 1 })).toEqual({ field: 'k', max: 4 });
  });
});
