import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { guidedGate, guidedRelu, inputGradient } from '~/engine/probe/index.ts';
import { tinyCnn, tinyImages } from './tiny-cnn.ts';

/** Values with -0 turned into 0 (a gradient masked to zero may carry the sign). */
const values = async (t: tf.Tensor) => Array.from(await t.data(), (v) => v + 0);

/**
 * A 1-D net on a [1, 3, 1] "image": 1x1 conv (weight 1, bias 0) -> ReLU ->
 * flatten -> dense [1, -1, 2], so y = relu(x0) - relu(x1) + 2 relu(x2).
 * The ReLU is fused, a ReLU layer, or an Activation layer.
 */
function lineNet(relu: 'fused' | 'layer' | 'activation'): tfl.LayersModel {
  const layers: tfl.layers.Layer[] = [tfl.layers.conv2d({ inputShape: [1, 3, 1], filters: 1, kernelSize: 1, activation: relu === 'fused' ? 'relu' : 'linear', name: 'conv' })];
  if (relu === 'layer') layers.push(tfl.layers.reLU());
  if (relu === 'activation') layers.push(tfl.layers.activation({ activation: 'relu' }));
  layers.push(tfl.layers.flatten(), tfl.layers.dense({ units: 1, useBias: false, name: 'out' }));
  const model = tfl.sequential({ layers });
  const weights = [tf.ones([1, 1, 1, 1]), tf.zeros([1]), tf.tensor2d([[1], [-1], [2]])];
  model.getLayer('conv').setWeights(weights.slice(0, 2));
  model.getLayer('out').setWeights(weights.slice(2));
  tf.dispose(weights);
  return model;
}

describe('guidedRelu', () => {
  it('passes a gradient only where the input and the gradient are both positive (1-D, by hand)', async () => {
    const x = tf.tensor1d([-2, -1, 1, 2, 3]);
    const dy = tf.tensor1d([1, -1, 1, -1, 0.5]);
    // forward mask (x > 0):      [0, 0, 1, 1, 1]
    // backward mask (dy > 0):    [1, 0, 1, 0, 1]
    // standard = dy * fwd:       [0, 0, 1, -1, 0.5]
    // guided   = dy * fwd * bwd: [0, 0, 1, 0, 0.5]
    const standard = tf.grad((t: tf.Tensor) => tf.relu(t))(x, dy);
    const guided = tf.grad((t: tf.Tensor) => guidedRelu(t))(x, dy);
    const gated = tf.grad((t: tf.Tensor) => guidedGate(tf.relu(t)))(x, dy);
    const forward = guidedRelu(x);
    expect(await forward.array()).toEqual([0, 0, 1, 2, 3]);
    expect(await values(standard)).toEqual([0, 0, 1, -1, 0.5]);
    expect(await values(guided)).toEqual([0, 0, 1, 0, 0.5]);
    expect(await values(gated)).toEqual([0, 0, 1, 0, 0.5]); // relu + gate = guided relu
    tf.dispose([x, dy, standard, guided, gated, forward]);
  });
});

describe('inputGradient', () => {
  it('is the weight on a linear model (by hand)', async () => {
    const model = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [2, 2, 1] }), tfl.layers.dense({ units: 2, activation: 'softmax', name: 'out' })] });
    const w = tf.tensor2d([[1, -2], [3, 0.5], [-1, 4], [0, -3]]);
    const b = tf.tensor1d([0.3, -0.3]);
    model.getLayer('out').setWeights([w, b]);
    const x = tf.tensor3d([[[5], [-1]], [[2], [7]]]);
    // y_1 = -2 x0 + 0.5 x1 + 4 x2 - 3 x3 + b_1 (the logit, softmax skipped): dy_1/dx = W[:, 1].
    const g = inputGradient(model, x, 1);
    expect(g.shape).toEqual([2, 2, 1]);
    expect(await g.array()).toEqual([[[-2], [0.5]], [[4], [-3]]]);
    tf.dispose([w, b, x, g]);
    model.dispose();
  });

  it('guided keeps only positions where the forward and backward masks are both positive, however the ReLU is written', async () => {
    // x = [1, 2, -1]: forward mask [1, 1, 0]; gradient reaching the ReLU = dense weights [1, -1, 2] -> mask [1, 0, 1].
    // standard: [1, -1, 0]; guided: [1, 0, 0].
    const x = tf.tensor3d([[[1], [2], [-1]]]);
    for (const relu of ['fused', 'layer', 'activation'] as const) {
      const model = lineNet(relu);
      const standard = inputGradient(model, x, 0);
      const guided = inputGradient(model, x, 0, { reluBackward: 'guided' });
      expect(standard.shape).toEqual([1, 3, 1]);
      expect(await values(standard)).toEqual([1, -1, 0]);
      expect(await values(guided)).toEqual([1, 0, 0]);
      tf.dispose([standard, guided]);
      model.dispose();
    }
    x.dispose();
  });

  it('gives the same guided gradient for fused, layer and activation ReLUs on a conv net', async () => {
    const images = tinyImages();
    const results = await Promise.all((['fused', 'layer', 'activation'] as const).map(async (relu) => {
      const model = tinyCnn(relu);
      const g = inputGradient(model, images, [0, 1], { reluBackward: 'guided' });
      const out = await values(g);
      g.dispose();
      model.dispose();
      return out;
    }));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]!.every((v) => Number.isFinite(v))).toBe(true);
    images.dispose();
  });

  it('names the bad argument', () => {
    const model = tinyCnn();
    const images = tinyImages();
    expect(() => inputGradient(model, images, 0, { reluBackward: 'deconvnet' as never })).toThrow("inputGradient(reluBackward): expected 'standard' or 'guided', got \"deconvnet\"");
    images.dispose();
    model.dispose();
  });

  it('does not leak memory', () => {
    const model = tinyCnn('layer');
    const images = tinyImages();
    const before = tf.memory().numTensors;
    const g = inputGradient(model, images, 1);
    const guided = inputGradient(model, images, 1, { reluBackward: 'guided' });
    const x = tf.ones([1, 3]);
    const y = guidedRelu(x);
    const z = guidedGate(x);
    expect(tf.memory().numTensors).toBe(before + 5);
    tf.dispose([g, guided, x, y, z]);
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
    model.dispose();
  });
});
