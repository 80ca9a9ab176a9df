import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { conv2d } from '~/engine/ops/conv2d.ts';

const X = [
  [1, 2, 0, 3],
  [4, 1, 1, 0],
  [0, 2, 5, 1],
  [3, 0, 1, 2],
];
const K = [
  [1, 0, -1],
  [2, 0, -2],
  [1, 0, -1],
];

async function run(x: number[][], k: number[][], stride: number, padding: number, bias = 0) {
  const input = tf.tensor2d(x);
  const y = conv2d(input, k, { stride, padding, bias });
  const out = { shape: y.shape, values: await y.array() };
  tf.dispose([input, y]);
  return out;
}

describe('conv2d', () => {
  it('computes cross-correlation without padding (by hand)', async () => {
    // Y[0,0] = 1*1 + 2*4 + 1*0 - (1*0 + 2*1 + 1*5) = 9 - 7 = 2
    // Y[0,1] = 1*2 + 2*1 + 1*2 - (1*3 + 2*0 + 1*1) = 6 - 4 = 2
    // Y[1,0] = 1*4 + 2*0 + 1*3 - (1*1 + 2*5 + 1*1) = 7 - 12 = -5
    // Y[1,1] = 1*1 + 2*2 + 1*0 - (1*0 + 2*1 + 1*2) = 5 - 4 = 1
    expect(await run(X, K, 1, 0)).toEqual({ shape: [2, 2], values: [[2, 2], [-5, 1]] });
  });

  it('pads with zeros, strides, and adds the bias (by hand)', async () => {
    // With p = 1, s = 2 the windows start at padded rows/cols 0 and 2 -> input offsets -1 and 1.
    // Y[0,0]: window rows -1..1, cols -1..1: left column (col -1) is 0; right column col 1: 0,2,1 -> -(2*2 + 1*1) = -5
    // Y[0,1]: cols 1..3: left col 1: (0, 2, 1) weighted 1,2,1 -> 0 + 4 + 1 = 5; right col 3: (0, 3, 0) -> -(0 + 6 + 0) = -6 -> -1
    // Y[1,0]: rows 1..3, cols -1..1: right col 1: (1, 2, 0) -> -(1 + 4 + 0) = -5
    // Y[1,1]: rows 1..3, cols 1..3: left col 1: (1,2,0) -> 1 + 4 + 0 = 5; right col 3: (0,1,2) -> -(0 + 2 + 2) = -4 -> 1
    const out = await run(X, K, 2, 1, 10);
    expect(out).toEqual({ shape: [2, 2], values: [[5, 9], [5, 11]] });
  });

  it('names the bad argument', () => {
    const x = tf.zeros([4, 4]) as tf.Tensor2D;
    expect(() => conv2d(x, [[1, 2]], { stride: 1, padding: 0 })).toThrow('conv2d(kernel): expected a square k x k array');
    expect(() => conv2d(x, K, { stride: 0, padding: 0 })).toThrow('conv2d(stride): expected an integer >= 1, got 0');
    expect(() => conv2d(tf.zeros([2, 2]) as tf.Tensor2D, K, { stride: 1, padding: 0 })).toThrow('got "2 x 2"');
    x.dispose();
  });

  it('does not leak memory', () => {
    const x = tf.ones([8, 8]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const y = conv2d(x, K, { stride: 1, padding: 1 });
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([x, y]);
  });
});
