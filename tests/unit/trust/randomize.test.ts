import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomizationSteps, randomizedCopy } from '~/engine/probe/randomize.ts';
import * as tfl from '@tensorflow/tfjs-layers';
import { tinyCnn } from '../probe/tiny-cnn.ts';

/** conv (no bias) -> batch norm -> ReLU -> GAP -> dense, like the course model's head, with non-default BN statistics. */
function bnCnn(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, padding: 'same', useBias: false, name: 'last_conv' }),
      tfl.layers.batchNormalization({ name: 'last_bn' }),
      tfl.layers.reLU({ name: 'last_relu' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'logits' }),
    ],
  });
  const bn = model.getLayer('last_bn');
  bn.setWeights(bn.getWeights().map((w, i) => tf.fill(w.shape, [2, 0.5, 0.25, 4][i]!)));
  return model;
}

const valuesOf = (model: ReturnType<typeof tinyCnn>) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('cascading randomisation', () => {
  it('lists weighted layers top-down', () => {
    expect(randomizationSteps(tinyCnn())).toEqual([
      { name: 'logits', layers: ['logits'] },
      { name: 'conv', layers: ['conv'] },
    ]);
  });

  it('re-initialises only the chosen layers, on a copy, the same way for the same seed', async () => {
    const model = tinyCnn();
    const before = valuesOf(model);
    const a = await randomizedCopy(model, ['logits'], 7);
    const b = await randomizedCopy(model, ['logits'], 7);
    const c = await randomizedCopy(model, ['logits'], 8);
    expect(valuesOf(model)).toEqual(before);
    const [convKernel, convBias, denseKernel, denseBias] = valuesOf(a);
    expect(convKernel).toEqual(before[0]);
    expect(convBias).toEqual(before[1]);
    expect(denseKernel).not.toEqual(before[2]);
    expect(denseBias).toEqual([0, 0, 0]);
    // Glorot uniform for a 2 x 3 kernel: |w| <= sqrt(6 / 5).
    for (const w of denseKernel!) expect(Math.abs(w)).toBeLessThanOrEqual(Math.sqrt(6 / 5));
    expect(valuesOf(b)).toEqual(valuesOf(a));
    expect(valuesOf(c)[2]).not.toEqual(denseKernel);
    for (const copy of [a, b, c]) copy.dispose();
    model.dispose();
  });

  it('groups a batch norm with its conv, and keeps its statistics in place when only the logits are redrawn', async () => {
    const model = bnCnn();
    expect(randomizationSteps(model)).toEqual([
      { name: 'logits', layers: ['logits'] },
      { name: 'last_conv', layers: ['last_conv', 'last_bn'] },
    ]);
    const bnValues = (m: tfl.LayersModel) => m.getLayer('last_bn').getWeights().map((w) => Array.from(w.dataSync()));
    const top = await randomizedCopy(model, ['logits'], 1);
    expect(bnValues(top)).toEqual(bnValues(model));
    const both = await randomizedCopy(model, ['logits', 'last_conv', 'last_bn'], 1);
    // gamma 1, beta 0, mean 0, variance 1: the identity a fresh network starts from.
    expect(bnValues(both)).toEqual([[1, 1], [0, 0], [0, 0], [1, 1]]);
    top.dispose();
    both.dispose();
    model.dispose();
  });

  it('names an unknown layer', async () => {
    const model = tinyCnn();
    await expect(randomizedCopy(model, ['nope'], 1)).rejects.toThrow('randomizedCopy(layers): expected names among conv, gap, logits, got "nope"');
    model.dispose();
  });

  it('does not leak memory', async () => {
    const model = tinyCnn();
    const before = tf.memory().numTensors;
    const copy = await randomizedCopy(model, ['logits', 'conv'], 3);
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
