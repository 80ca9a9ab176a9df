import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { curveAuc } from '~/engine/explain/metrics.ts';
import { classProbability } from '~/engine/probe/class-probability.ts';
import { blurredBaseline, CurveRun } from '~/engine/tasks/trust/curves.ts';
import { camLayerOf, explanationMaps, MAP_METHODS, MapRun } from '~/engine/tasks/trust/maps.ts';
import { vanillaSaliency } from '~/engine/explain/saliency.ts';
import { normalizeMap } from '~/engine/explain/cam-base.ts';
import { inputGradient } from '~/engine/probe/probe.ts';
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
    for (const { id } of MAP_METHODS) {
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

  it('draws guided backpropagation as the saliency rule (largest |gradient| over colours, scaled) on the guided gradient, unlike the vanilla map', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const guided = await explanationMaps(model, images, [0, 1], 'guided', OPTIONS);
    const vanilla = await explanationMaps(model, images, [0, 1], 'saliency', OPTIONS);
    const expected = tf.tidy(() => normalizeMap(vanillaSaliency(inputGradient(model, images, [0, 1], { reluBackward: 'guided' }) as tf.Tensor4D)));
    expect(await values(guided)).toEqual(await values(expected));
    expect(await values(guided)).not.toEqual(await values(vanilla));
    tf.dispose([guided, vanilla, expected, images]);
  });

  it('steps SmoothGrad one sample at a time, every other method in one step', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const whole = await explanationMaps(model, images, [0, 1], 'smoothgrad', OPTIONS);
    const run = new MapRun(model, images, [0, 1], 'smoothgrad', OPTIONS);
    const left: number[] = [];
    expect(() => run.take()).toThrow('MapRun.take');
    while (run.remaining() > 0) {
      await run.step();
      left.push(run.remaining());
    }
    expect(left).toEqual([2, 1, 0]);
    const stepped = run.take();
    run.dispose();
    expect(await values(stepped)).toEqual(await values(whole));
    expect(new MapRun(model, images, [0, 1], 'cam', OPTIONS).remaining()).toBe(1);
    tf.dispose([whole, stepped, images]);
  });

  it('does not leak memory', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    const before = tf.memory().numTensors;
    for (const { id } of MAP_METHODS) (await explanationMaps(model, images, [0, 2], id, OPTIONS)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    // A run left halfway frees what it holds.
    const run = new MapRun(model, images, [0, 2], 'smoothgrad', OPTIONS);
    await run.step();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
    images.dispose();
  });
});

/** Steps a curve run to its end, noting which curve each forward pass filled. */
async function follow(run: CurveRun): Promise<string[]> {
  const seen: string[] = [];
  const filled = () => [run.deletion, run.insertion].map((curve) => curve.filter(Number.isFinite).length);
  while (run.remaining() > 0) {
    const [d] = filled();
    await run.step();
    seen.push(filled()[0] !== d ? 'deletion' : 'insertion');
  }
  return seen;
}

describe('deletion and insertion curves', () => {
  it('start at the clean image and end at the black (deletion) or blurred (insertion) one', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([0], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.tensor2d([...Array(16).keys()].map((k) => (k * 7) % 16), [4, 4]);
    const run = await CurveRun.start(model, image, 1, map, { steps: 4, batchSize: 2 });
    expect(run.remaining()).toBe(6);
    const seen = await follow(run);
    const result = run.result();
    run.dispose();
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

  it('stops where it is left: a run disposed after one pass frees what it holds', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([0], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.ones([4, 4]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const run = await CurveRun.start(model, image, 0, map, { steps: 8, batchSize: 1 });
    await run.step();
    expect([run.remaining(), run.deletion.filter(Number.isFinite).length]).toEqual([17, 1]);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([image, map]);
  });

  it('does not leak memory', async () => {
    const model = tinyCnn();
    const image = tf.tidy(() => tinyImages().slice([1], [1]).squeeze([0]) as tf.Tensor3D);
    const map = tf.randomUniform([4, 4], 0, 1, 'float32', 3) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const run = await CurveRun.start(model, image, 2, map, { steps: 3, batchSize: 3 });
    await follow(run);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([image, map]);
  });
});

describe('explanationMaps arguments', () => {
  it('names an unknown method and a class list of the wrong length', async () => {
    const model = tinyCnn();
    const images = tinyImages();
    await expect(explanationMaps(model, images, [0, 1], 'lime' as never, OPTIONS)).rejects.toThrow('explanationMaps(method): expected one of grad-cam, cam, saliency, smoothgrad, random, guided, rollout, gradient-rollout, token-grad-cam, got "lime"');
    await expect(explanationMaps(model, images, [0], 'cam', OPTIONS)).rejects.toThrow('explanationMaps(classes): expected 2 class indices, one per image, got 1');
    images.dispose();
  });
});
