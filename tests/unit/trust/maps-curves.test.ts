import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { curveAuc } from '~/engine/explain/metrics.ts';
import { classProbability } from '~/engine/probe/class-probability.ts';
import { blurredBaseline, curves } from '~/engine/tasks/trust/curves.ts';
import { camLayerOf, explanationMaps, TRUST_METHODS } from '~/engine/tasks/trust/maps.ts';
import { tinyCnn, tinyImages } from '../probe/tiny-cnn.ts';
import { values } from '../explain/helpers.ts';

const OPTIONS = { seed: 1, smoothSamples: 3, sigma: 0.15 };

describe('explanation maps for the trust lesson', () => {
  it('finds the layer that feeds global average pooling', () => {
    expect(camLayerOf(tinyCnn())).toBe('conv');
  });

  it('gives every method a [n, H, W] map in [0, 1]', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    for (const { id } of TRUST_METHODS) {
      const maps = await explanationMaps(model, images, [0, 1], id, OPTIONS);
      expect(maps.shape, id).toEqual([2, 4, 4]);
      for (const v of await values(maps)) expect(v >= 0 && v <= 1, id).toBe(true);
      maps.dispose();
    }
    images.dispose();
  });

  it('CAM and Grad-CAM agree on a GAP + dense network', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const a = await explanationMaps(model, images, [1, 1], 'cam', OPTIONS);
    const b = await explanationMaps(model, images, [1, 1], 'grad-cam', OPTIONS);
    const [va, vb] = [await values(a), await values(b)];
    va.forEach((v, i) => expect(v).toBeCloseTo(vb[i]!, 5));
    tf.dispose([a, b, images]);
  });

  it('does not leak memory', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const before = tf.memory().numTensors;
    for (const { id } of TRUST_METHODS) (await explanationMaps(model, images, [0, 2], id, OPTIONS)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });
});

describe('deletion and insertion curves', () => {
  it('start at the clean image and end at the black (deletion) or blurred (insertion) one', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([0], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.tensor2d([...Array(16).keys()].map((k) => (k * 7) % 16), [4, 4]);
    const seen: string[] = [];
    const result = await curves(model, image, 1, map, { steps: 4, batchSize: 2, onProgress: (kind) => seen.push(kind) });
    const ends = tf.tidy(() => tf.stack([image, tf.zerosLike(image), blurredBaseline(image)]) as tf.Tensor4D);
    const p = classProbability(model, ends, 1);
    const [clean, black, blurred] = await values(p);
    expect(result.deletion[0]).toBeCloseTo(clean!, 6);
    expect(result.deletion[4]).toBeCloseTo(black!, 6);
    expect(result.insertion[0]).toBeCloseTo(blurred!, 6);
    expect(result.insertion[4]).toBeCloseTo(clean!, 6);
    expect(result.deletionAuc).toBeCloseTo(curveAuc(result.deletion), 12);
    // Five points in batches of two: three passes per curve.
    expect(seen).toEqual(['deletion', 'deletion', 'deletion', 'insertion', 'insertion', 'insertion']);
    tf.dispose([image, map, ends, p]);
  });

  it('stops when its signal aborts', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([0], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.ones([4, 4]) as tf.Tensor2D;
    const controller = new AbortController();
    const before = tf.memory().numTensors;
    const run = curves(model, image, 0, map, { steps: 8, batchSize: 1, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow('curves: stopped');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([image, map]);
  });

  it('does not leak memory', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([1], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.randomUniform([4, 4], 0, 1, 'float32', 3) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    await curves(model, image, 2, map, { steps: 3, batchSize: 3 });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([image, map]);
  });
});

describe('explanationMaps arguments', () => {
  it('names an unknown method and a class list of the wrong length', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    await expect(explanationMaps(model, images, [0, 1], 'lime' as never, OPTIONS)).rejects.toThrow('explanationMaps(method): expected one of grad-cam, cam, saliency, smoothgrad, random, got "lime"');
    await expect(explanationMaps(model, images, [0], 'cam', OPTIONS)).rejects.toThrow('explanationMaps(classes): expected 2 class indices, one per image, got 1');
    images.dispose();
  });
});
