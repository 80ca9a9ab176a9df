import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cutBox, cutmix } from '~/engine/augment/mixing/cutmix.ts';
import { mixup } from '~/engine/augment/mixing/mixup.ts';
import { createRng } from '~/engine/shared/rng.ts';
import { mixingBatch } from '~/engine/tasks/augment/mixing.ts';
import { servePublic } from './public-fetch.ts';

/** A fixed-weight 64 x 64 RGB classifier with the course's 10 classes: conv 3x3 (2 filters) -> GAP -> dense 10, softmax. */
function tenClassCnn(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [64, 64, 3], filters: 2, kernelSize: 3, activation: 'relu', name: 'conv' }),
      tfl.layers.globalAveragePooling2d({}),
      tfl.layers.dense({ units: 10, activation: 'softmax', name: 'logits' }),
    ],
  });
  const weights = [tf.tensor4d(Array.from({ length: 54 }, (_, i) => Math.sin(i)), [3, 3, 3, 2]), tf.zeros([2]), tf.tensor2d(Array.from({ length: 20 }, (_, i) => Math.cos(3 * i)), [2, 10]), tf.zeros([10])];
  model.getLayer('conv').setWeights(weights.slice(0, 2));
  model.getLayer('logits').setWeights(weights.slice(2));
  tf.dispose(weights);
  return model;
}

const model = tenClassCnn();

// The task loads the site's atlas itself: here the site is the repository's public/ folder.
beforeAll(servePublic);
afterAll(() => vi.unstubAllGlobals());
const params = { alpha: 1, cutoutSide: 24, grid: 4, seed: 1 };

describe('mixingBatch', () => {
  it("labels each mixed image as its pixels were mixed, and scores it with -sum y log p of the model's softmax", async () => {
    const view = await mixingBatch([0, 1], params, model);
    const [a, b] = view.classes;
    expect(a).not.toBe(b);
    expect(view.lambda).toBe(mixup.sample({ alpha: 1 }, createRng(1)).lambda);
    const box = cutBox(cutmix.sample({ alpha: 1 }, createRng(1)), 64);
    expect(view.box).toEqual(box);
    const share = ((box[2] - box[0]) * (box[3] - box[1])) / 4096;
    expect(view.cutmix[0].label[b]).toBeCloseTo(share, 6);
    expect(view.cutmix[1].label[a]).toBeCloseTo(share, 6);
    expect(view.mixup[0].label[a]).toBeCloseTo(view.lambda, 6);
    expect(view.mixup[1].label[a]).toBeCloseTo(1 - view.lambda, 6);
    for (const mixed of [...view.mixup, ...view.cutmix]) {
      const loss = -mixed.label.reduce((s, y, k) => s + (y > 0 ? y * Math.log(mixed.probabilities[k]!) : 0), 0);
      expect(mixed.loss).toBeCloseTo(loss, 4);
    }
    // The model's own softmax on the first Mixup image, computed here.
    const p = model.predict(tf.tensor4d(view.mixup[0].sample.image, [1, 64, 64, 3])) as tf.Tensor;
    expect(Array.from(view.mixup[0].probabilities)).toEqual(Array.from(await p.data()).map((v) => expect.closeTo(v, 5)));
    p.dispose();
    expect(view.histogram.reduce((s, c) => s + c, 0)).toBe(2000);
  });

  it('gives the same batch for the same seed and another for another seed', async () => {
    const one = await mixingBatch([0, 1], params, model);
    expect(await mixingBatch([0, 1], params, model)).toEqual(one);
    const other = await mixingBatch([0, 1], { ...params, seed: 2 }, model);
    expect(other.lambda).not.toBe(one.lambda);
    expect(other.cutout[0].image).not.toEqual(one.cutout[0].image);
    await expect(mixingBatch([0, 1], { ...params, alpha: 0 }, model)).rejects.toThrow('mixingBatch(alpha)');
  });

  it('does not leak memory', async () => {
    await mixingBatch([2, 3], params, model);
    const before = tf.memory().numTensors;
    await mixingBatch([2, 3], params, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
