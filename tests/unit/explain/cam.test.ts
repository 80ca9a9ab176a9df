import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cam, camFromWeights, camWeights, gradCam, gradCamPlusPlus, gradCamPlusPlusWeights, gradCamWeights, normalizeMap } from '~/engine/explain/index.ts';
import { expectClose, values } from './helpers.ts';

// A 2 x 2 x 2 case. Channel 0 = [[1, 2], [0, 1]], channel 1 = [[0, 1], [3, 0]], laid out [1, h, w, k].
const A = () => tf.tensor4d([1, 0, 2, 1, 0, 3, 1, 0], [1, 2, 2, 2]);
// Gradients: channel 0 all 1 (alpha 1); channel 1 = [[-2, 0], [0, -2]] (alpha -1).
const G = () => tf.tensor4d([1, -2, 1, 0, 1, 0, 1, -2], [1, 2, 2, 2]);

describe('camFromWeights and normalizeMap', () => {
  it('takes ReLU of the weighted channel sum (by hand)', async () => {
    const a = A();
    const w = tf.tensor2d([[2, -1]]);
    // 2 A0 - A1 = [[2, 3], [-3, 2]] -> ReLU -> [[2, 3], [0, 2]]
    const map = camFromWeights(a, w);
    expect(map.shape).toEqual([1, 2, 2]);
    expect(await values(map)).toEqual([2, 3, 0, 2]);
    tf.dispose([a, w, map]);
  });

  it('scales each map on its own to [0, 1], and a constant map to zeros', async () => {
    const maps = tf.tensor3d([[[2, 3], [0, 2]], [[5, 5], [5, 5]]]);
    const scaled = normalizeMap(maps);
    expectClose(await values(scaled), [2 / 3, 1, 0, 2 / 3, 0, 0, 0, 0]);
    tf.dispose([maps, scaled]);
  });

  it('names the bad argument', () => {
    const a = A();
    const w = tf.tensor2d([[1, 2, 3]]);
    expect(() => camFromWeights(a, w)).toThrow('camFromWeights(weights): expected shape [1, 2] to match activations, got "[1,3]"');
    const flat = tf.tensor1d([1]);
    expect(() => normalizeMap(flat)).toThrow('normalizeMap(maps): expected a batch of maps');
    tf.dispose([a, w, flat]);
  });
});

describe('cam', () => {
  it('weights channels by the dense column of the class (by hand)', async () => {
    const W = tf.tensor2d([[1, -1, 0.5], [-0.5, 2, 0.25]]);
    const one = camWeights(W, 1);
    const each = camWeights(W, [0, 2]);
    expect(await one.array()).toEqual([[-1, 2]]);
    expect(await each.array()).toEqual([[1, -0.5], [0.5, 0.25]]);
    const a = A();
    // class 1: -A0 + 2 A1 = [[-1, 0], [6, -1]] -> [[0, 0], [6, 0]]
    const map = cam(a, W, 1);
    expect(await values(map)).toEqual([0, 0, 6, 0]);
    expect(() => camWeights(W, 3)).toThrow('camWeights(classIndex): expected integers in [0, 3), got 3');
    tf.dispose([W, one, each, a, map]);
  });
});

describe('gradCam', () => {
  it('averages gradients per channel and keeps the positive evidence (2 x 2 x 2, by hand)', async () => {
    const [a, g] = [A(), G()];
    const { map, alphas } = gradCam(a, g);
    expect(await values(alphas)).toEqual([1, -1]);
    // A0 - A1 = [[1, 1], [-3, 1]] -> ReLU -> [[1, 1], [0, 1]]
    expect(await values(map)).toEqual([1, 1, 0, 1]);
    tf.dispose([a, g, map, alphas]);
  });

  it('matches a hand-written mask on 5 x 5 activations', async () => {
    // Channel 0: a 2 x 2 blob top-left. Channel 1: a blob bottom-right on a 0.1 background.
    // Gradients 0.5 and -0.25 everywhere, so alpha = [0.5, -0.25]:
    // top-left 0.5 - 0.025 > 0; bottom-right -0.275 and background -0.025 are cut by the ReLU.
    const a0 = [1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const a1 = a0.slice().reverse().map((v) => v + 0.1);
    const activations = tf.tensor4d(a0.flatMap((v, i) => [v, a1[i]!]), [1, 5, 5, 2]);
    const gradients = tf.tensor4d(a0.flatMap(() => [0.5, -0.25]), [1, 5, 5, 2]);
    const { map, alphas } = gradCam(activations, gradients);
    const scaled = normalizeMap(map);
    expectClose(await values(alphas), [0.5, -0.25]);
    expect(await values(scaled)).toEqual(a0);
    const raw = await values(map);
    expect(raw[0]).toBeCloseTo(0.475, 6);
    tf.dispose([activations, gradients, map, alphas, scaled]);
  });

  it('names the bad argument', () => {
    const a = A();
    const g = tf.zeros([1, 2, 2, 3]) as tf.Tensor4D;
    expect(() => gradCam(a, g)).toThrow('gradCam(gradients): expected shape [1,2,2,2], got "[1,2,2,3]"');
    const flat = tf.zeros([2, 2]);
    expect(() => gradCamWeights(flat as never)).toThrow('gradCamWeights(gradients): expected a tensor [n, h, w, k]');
    tf.dispose([a, g, flat]);
  });
});

describe('gradCamPlusPlus', () => {
  it('computes eq. 19 weights from first-order gradients (by hand)', async () => {
    // Channel 0: A = [[1, 0], [2, 1]] (sum 4), g = [[1, 0], [-1, 2]].
    //   a = g^2 / (2 g^2 + 4 g^3): g=1 -> 1/6; g=0 -> 0 (0/0 taken as 0); g=-1 -> 1/(2-4) = -1/2; g=2 -> 4/40 = 1/10.
    //   w_0 = sum a ReLU(g) = 1/6 * 1 + 0 + (-1/2) * 0 + 1/10 * 2 = 11/30.
    // Channel 1: A = 0 (sum 0), g = 1 everywhere: a = 1/2, w_1 = 4 * 1/2 = 2.
    // Map = ReLU(11/30 A0 + 2 * 0) = 11/30 * [[1, 0], [2, 1]].
    const activations = tf.tensor4d([1, 0, 0, 0, 2, 0, 1, 0], [1, 2, 2, 2]);
    const gradients = tf.tensor4d([1, 1, 0, 1, -1, 1, 2, 1], [1, 2, 2, 2]);
    const weights = gradCamPlusPlusWeights(activations, gradients);
    expectClose(await values(weights), [11 / 30, 2]);
    const out = gradCamPlusPlus(activations, gradients);
    expectClose(await values(out.map), [11 / 30, 0, 22 / 30, 11 / 30]);
    tf.dispose([activations, gradients, weights, out.map, out.weights]);
  });

  it('on a GAP head reduces to Z ReLU(g) / (2 + g sum A), dropping channels with a negative class weight (the lesson\'s claim)', async () => {
    // GAP + dense: g = w_k / Z at every position, Z = 4. Channel 0: w = 0.8, g = 0.2, sum A = 4 -> 4 * 0.2 / (2 + 0.8) = 2/7.
    // Channel 1: w = -0.4, g = -0.1, sum A = 6 -> 0 (ReLU(g) = 0), though Grad-CAM's alpha is -0.1.
    const activations = tf.tensor4d([1, 3, 1, 0, 2, 1, 0, 2], [1, 2, 2, 2]);
    const gradients = tf.tensor4d([0.2, -0.1, 0.2, -0.1, 0.2, -0.1, 0.2, -0.1], [1, 2, 2, 2]);
    const weights = gradCamPlusPlusWeights(activations, gradients);
    expectClose(await values(weights), [2 / 7, 0]);
    tf.dispose([activations, gradients, weights]);
  });
});

describe('CAM family', () => {
  it('does not leak memory', () => {
    const [a, g] = [A(), G()];
    const W = tf.tensor2d([[1, -1], [0.5, 2]]);
    const maps = tf.ones([1, 2, 2]);
    const w = tf.ones([1, 2]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const made = [
      camFromWeights(a, w),
      normalizeMap(maps),
      camWeights(W, 0),
      cam(a, W, 1),
      gradCamWeights(g),
      ...Object.values(gradCam(a, g)),
      gradCamPlusPlusWeights(a, g),
      ...Object.values(gradCamPlusPlus(a, g)),
    ];
    expect(tf.memory().numTensors).toBe(before + made.length);
    tf.dispose(made);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, g, W, maps, w]);
  });
});
