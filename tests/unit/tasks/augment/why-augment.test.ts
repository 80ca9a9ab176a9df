/**
 * The "Why augment" tasks on the real objects-cnn and atlas (served from
 * public/ as the site serves them), on the wasm backend the model card was
 * measured on; every figure is recomputed here by a separate path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { loadModel } from '~/engine/runtime/models.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { invarianceCurve, invarianceView, probeValues } from '~/engine/tasks/augment/invariance.ts';
import { jointMap, styleBatch } from '~/engine/tasks/augment/style-gap.ts';
import { trainingStats } from '~/engine/tasks/augment/training-stats.ts';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { servePublic, useWasm } from './public-fetch.ts';

beforeAll(async () => {
  servePublic();
  await useWasm();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The model's softmax for images [n, 64, 64, 3] through `predict`, the path the tasks do not take. */
async function predict(x: Float32Array, n: number): Promise<Float32Array> {
  const model = await loadModel('objects-cnn');
  const out = tf.tidy(() => model.predict(tf.tensor4d(x, [n, 64, 64, 3])) as tf.Tensor);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

describe('styleBatch', () => {
  it('labels the card streams and predicts as the model does', async () => {
    const atlas = loadAtlas();
    const unseen = await styleBatch('unseen', 10, 6);
    const scenes = Array.from({ length: 6 }, (_, i) => sceneAt(atlas, OBJECTS_SPLITS.unseenStyle.seed, 10 + i, { styles: [UNSEEN_STYLE] }));
    expect(Array.from(unseen.labels)).toEqual(scenes.map((s) => s.objects[0]!.classIndex));
    const x = new Float32Array(6 * 12288);
    scenes.forEach((s, i) => x.set(s.image, i * 12288));
    const p = await predict(x, 6);
    for (let i = 0; i < 6; i++) {
      const row = Array.from(p.subarray(i * 10, i * 10 + 10));
      expect(unseen.predicted[i]).toBe(row.indexOf(Math.max(...row)));
      expect(unseen.confidence[i]).toBeCloseTo(Math.max(...row), 5);
    }
    expect(unseen.dim).toBe(64);
    await expect(styleBatch('held-out', 1995, 10)).rejects.toThrow(/styleBatch\(start, n\)/);
  });

  it('does not leak memory', async () => {
    await styleBatch('held-out', 0, 2);
    const before = tf.memory().numTensors;
    await styleBatch('held-out', 0, 2);
    await jointMap(Float32Array.from({ length: 12 }, (_, i) => (i * 7) % 5), 3);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('jointMap', () => {
  it('projects on the axes of largest variance, worked by hand', async () => {
    // (±2, 0, 0) and (0, ±1, 0): variances 8/3 and 2/3 along x and y, nothing along z.
    const map = await jointMap(Float32Array.of(2, 0, 0, -2, 0, 0, 0, 1, 0, 0, -1, 0), 3);
    expect(map.ratios[0]).toBeCloseTo(0.8, 4);
    expect(map.ratios[1]).toBeCloseTo(0.2, 4);
    [2, 0, -2, 0, 0, 1, 0, -1].forEach((v, k) => expect(map.points[k]).toBeCloseTo(v, 3));
  });
});

describe('invariance probe', () => {
  it('sweeps the stated values', () => {
    expect(probeValues('rotate')).toHaveLength(37);
    expect(probeValues('scale').slice(0, 3)).toEqual([0.4, 0.45, 0.5]);
    expect(probeValues('brightness')[3]).toBe(0.3);
  });

  it('scores the unchanged image as the model does, and brightness as pixels times the factor, clipped', async () => {
    const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 3);
    const curve = await invarianceCurve('objects-held-out-1', 3, 'brightness');
    expect(curve.label).toBe(scene.objects[0]!.classIndex);
    const at = (v: number) => curve.probabilities.subarray(curve.values.indexOf(v) * 10, curve.values.indexOf(v) * 10 + 10);
    const darker = scene.image.map((x) => Math.min(1, x * 0.7));
    const reference = await predict(Float32Array.from([...scene.image, ...darker]), 2);
    Array.from(at(1)).forEach((p, c) => expect(p).toBeCloseTo(reference[c]!, 5));
    Array.from(at(0.7)).forEach((p, c) => expect(p).toBeCloseTo(reference[10 + c]!, 5));
    // A quarter turn is exact: row y, column x of the turned image is the original's row x, column 63 - y (counter-clockwise on screen).
    const turned = await invarianceView('objects-held-out-1', 3, 'rotate', 90);
    const by90 = new Float32Array(12288);
    for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) for (let c = 0; c < 3; c++) by90[(y * 64 + x) * 3 + c] = scene.image[(x * 64 + (63 - y)) * 3 + c]!;
    const p90 = await predict(by90, 1);
    Array.from(turned.probabilities).forEach((p, c) => expect(p).toBeCloseTo(p90[c]!, 4));
  });

  it('does not leak memory', async () => {
    await invarianceView('objects-held-out-1', 0, 'scale', 1.2);
    const before = tf.memory().numTensors;
    await invarianceCurve('objects-held-out-1', 0, 'scale');
    await invarianceView('objects-held-out-1', 0, 'scale', 1.2);
    expect(tf.memory().numTensors).toBe(before);
    await expect(invarianceView('objects-held-out-1', 0, 'scale', 3)).rejects.toThrow(/invarianceView\(value\)/);
  });
});

describe('trainingStats', () => {
  it('equals a two-pass computation over the same training scenes', async () => {
    const result = await trainingStats(40);
    const images = Array.from({ length: 40 }, (_, i) => sceneAt(loadAtlas(), 1002, i).image);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let n = 0;
      for (const im of images) for (let p = c; p < im.length; p += 3) (sum += im[p]!), n++;
      const mean = sum / n;
      let sq = 0;
      for (const im of images) for (let p = c; p < im.length; p += 3) sq += (im[p]! - mean) ** 2;
      expect(result.stats.mean[c]).toBeCloseTo(mean, 6);
      expect(result.stats.std[c]).toBeCloseTo(Math.sqrt(sq / n), 6);
      expect(result.after.mean[c]).toBeCloseTo(0, 5);
      expect(result.after.std[c]).toBeCloseTo(1, 5);
      const x = images[0]![(32 * 64 + 32) * 3 + c]!;
      expect(result.pixel.before[c]).toBe(x);
      expect(result.pixel.after[c]).toBeCloseTo((x - mean) / Math.sqrt(sq / n), 5);
    }
  });
});
