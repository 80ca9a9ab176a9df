import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { knnAccuracy, nearestNeighbours } from '~/engine/embed/nearest-neighbours.ts';
import { layerOutput } from '~/engine/probe/layer-output.ts';
import { createFeatureSet } from '~/engine/tasks/embeddings/feature-set.ts';
import { neighbourAgreement, spaceNeighbours } from '~/engine/tasks/embeddings/neighbours.ts';
import { continueTsne, pcaLayout, startTsne } from '~/engine/tasks/embeddings/layouts.ts';
import { tinyGapCnn } from '../cam/tiny-gap.ts';

const model = tinyGapCnn();
afterAll(() => model.dispose());

/** n random 8x8x3 images and labels 0..2. */
function images(n: number, seed: number): { pixels: Float32Array; labels: number[] } {
  const rng = createRng(seed);
  return { pixels: Float32Array.from({ length: n * 192 }, () => rng.next()), labels: Array.from({ length: n }, (_, i) => i % 3) };
}

/** Brute-force k nearest other rows, Euclidean. */
function nearest(rows: Float32Array, d: number, query: number, k: number): number[] {
  const n = rows.length / d;
  const dist = (i: number) => Math.hypot(...Array.from({ length: d }, (_, c) => rows[query * d + c]! - rows[i * d + c]!));
  return Array.from({ length: n }, (_, i) => i).filter((i) => i !== query).sort((a, b) => dist(a) - dist(b) || a - b).slice(0, k);
}

describe('FeatureSet', () => {
  it('embeds chunks at gap, equal to the layer output of the whole batch, and keeps the pixels', async () => {
    const { pixels, labels } = images(10, 1);
    const set = createFeatureSet(model);
    const a = await set.add(pixels.subarray(0, 4 * 192), labels.slice(0, 4));
    const b = await set.add(pixels.subarray(4 * 192), labels.slice(4));
    const whole = layerOutput(model, 'gap', tf.tensor4d(pixels, [10, 8, 8, 3]));
    const want = await whole.data();
    whole.dispose();
    expect(set.size).toBe(10);
    expect([...a, ...b].map((v) => +v.toFixed(5))).toEqual(Array.from(want, (v) => +v.toFixed(5)));
    const held = set.space('pixels')[0]!.rows;
    expect(Array.from(await held.data())).toEqual(Array.from(pixels));
    set.dispose();
  });

  it('refuses images of the wrong size and a layer that is not a vector', async () => {
    const set = createFeatureSet(model);
    await expect(set.add(new Float32Array(100), [0])).rejects.toThrow(/FeatureSet.add\(images\): expected 1 images of 8x8x3 = 192 floats, got 100/);
    const maps = createFeatureSet(model, 'last_relu');
    await expect(maps.add(images(1, 2).pixels, [0])).rejects.toThrow(/a layer with \[n, d\] output/);
    set.dispose();
    maps.dispose();
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    const { pixels, labels } = images(12, 3);
    const set = createFeatureSet(model);
    await set.add(pixels.subarray(0, 6 * 192), labels.slice(0, 6));
    await set.add(pixels.subarray(6 * 192), labels.slice(6));
    await spaceNeighbours(set, 'features', 2, 3, 'cosine');
    await spaceNeighbours(set, 'pixels', 2, 3, 'euclidean');
    await neighbourAgreement(set, 5, 3, 'euclidean');
    await pcaLayout(set);
    expect(tf.memory().numTensors).toBe(before + 4);
    set.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('spaceNeighbours and neighbourAgreement', () => {
  it('match brute-force neighbours in both spaces, leaving the query out', async () => {
    const { pixels, labels } = images(15, 4);
    const set = createFeatureSet(model);
    const features = await set.add(pixels, labels);
    const feature = await spaceNeighbours(set, 'features', 7, 4, 'euclidean');
    const pixel = await spaceNeighbours(set, 'pixels', 7, 4, 'euclidean');
    expect(feature.indices).toEqual(nearest(features, 5, 7, 4));
    expect(pixel.indices).toEqual(nearest(pixels, 192, 7, 4));
    expect(pixel.labels).toEqual(pixel.indices.map((i) => labels[i]));
    expect(feature.sameClass).toBe(feature.labels.filter((c) => c === labels[7]).length / 4);
    const share = (rows: Float32Array, d: number) =>
      Array.from({ length: 6 }, (_, q) => nearest(rows, d, q, 4).filter((i) => labels[i] === labels[q]).length / 4).reduce((s, v) => s + v) / 6;
    const agreement = await neighbourAgreement(set, 6, 4, 'euclidean');
    expect(agreement.feature).toBeCloseTo(share(features, 5), 12);
    expect(agreement.pixel).toBeCloseTo(share(pixels, 192), 12);
    set.dispose();
  });

  it('gives the same neighbours over several blocks as over the whole set', async () => {
    const { pixels, labels } = images(600, 6);
    const set = createFeatureSet(model);
    const rows: number[] = [];
    for (let start = 0; start < 600; start += 50) rows.push(...(await set.add(pixels.subarray(start * 192, (start + 50) * 192), labels.slice(start, start + 50))));
    expect(set.space('pixels').map((b) => [b.start, b.rows.shape[0]])).toEqual([[0, 300], [300, 300]]);
    for (const query of [3, 420]) {
      expect((await spaceNeighbours(set, 'pixels', query, 5, 'euclidean')).indices).toEqual(nearest(pixels, 192, query, 5));
      expect((await spaceNeighbours(set, 'features', query, 5, 'euclidean')).indices).toEqual(nearest(Float32Array.from(rows), 5, query, 5));
    }
    set.dispose();
  });

  it('names the bad argument', async () => {
    const set = createFeatureSet(model);
    await set.add(images(4, 5).pixels, [0, 1, 2, 0]);
    await expect(spaceNeighbours(set, 'pixels', 4, 2, 'cosine')).rejects.toThrow(/spaceNeighbours\(query\): expected an image index in 0..3, got 4/);
    await expect(neighbourAgreement(set, 2, 4, 'cosine')).rejects.toThrow(/neighbourAgreement\(k\): expected an integer in 1..3, got 4/);
    set.dispose();
  });
});

describe('layouts', () => {
  it('t-SNE from the PCA start separates three well-apart blobs, and pausing keeps the state', async () => {
    const rng = createRng(7);
    const n = 60;
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    const data = Float32Array.from({ length: n * 4 }, (_, k) => 6 * (labels[Math.floor(k / 4)] === k % 4 ? 1 : 0) + rng.range(-1, 1));
    const tsne = startTsne(data, n, { perplexity: 10, iterations: 300, seed: 1 });
    const pause = new AbortController();
    const first = await continueTsne(tsne, labels, (p) => { if (p.iteration >= 50) pause.abort(); }, undefined, pause.signal);
    expect(first.done).toBe(false);
    expect(first.iteration).toBeGreaterThanOrEqual(50);
    const last = await continueTsne(tsne, labels, () => {});
    expect(last.done).toBe(true);
    expect(last.iteration).toBe(300);
    expect(last.knn).toBe(1);
    expect(last.knn).toBe(knnAccuracy(last.points, labels, 5));
    expect(last.cost).toBeGreaterThan(0);
  });

  it('paused while P is still being calibrated, reports no cost instead of calibrating the rest at once', async () => {
    const data = Float32Array.from({ length: 400 * 8 }, (_, k) => Math.sin(k * 0.37));
    const tsne = startTsne(data, 400, { perplexity: 20, iterations: 10, chunkMs: 0.01 });
    const pause = new AbortController();
    const paused = await continueTsne(tsne, new Array(400).fill(0), (p) => { if (p.rows > 0) pause.abort(); }, undefined, pause.signal);
    expect(paused.done).toBe(false);
    expect(paused.iteration).toBe(0);
    expect(paused.cost).toBeNull();
    expect(tsne.joint!.rowsDone).toBeLessThan(400);
  });

  it('stops with a superseded error when the queue signal aborts', async () => {
    const data = Float32Array.from({ length: 40 }, (_, k) => Math.sin(k));
    const tsne = startTsne(data, 20, { perplexity: 5, iterations: 100 });
    const queue = new AbortController();
    queue.abort();
    await expect(continueTsne(tsne, new Array(20).fill(0), () => {}, queue.signal)).rejects.toThrow(/continueTsne: stopped/);
  });
});

describe('nearestNeighbours with precomputed lengths', () => {
  it('gives the same neighbours and distances, and refuses lengths of the wrong shape', async () => {
    const rng = createRng(11);
    const set = tf.tensor2d(Array.from({ length: 30 * 7 }, () => rng.range(-1, 1)), [30, 7]);
    const query = tf.tensor2d(Array.from({ length: 3 * 7 }, () => rng.range(-1, 1)), [3, 7]);
    const norms = set.norm('euclidean', 1) as tf.Tensor1D;
    for (const metric of ['cosine', 'euclidean'] as const) {
      const plain = nearestNeighbours(query, set, 6, metric);
      const given = nearestNeighbours(query, set, 6, metric, norms);
      expect(await given.indices.array()).toEqual(await plain.indices.array());
      const [a, b] = [await plain.distances.data(), await given.distances.data()];
      a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 5));
      tf.dispose([plain.indices, plain.distances, given.indices, given.distances]);
    }
    expect(() => nearestNeighbours(query, set, 2, 'cosine', tf.zeros([29]) as tf.Tensor1D)).toThrow(/nearestNeighbours\(setNorms\): expected a tensor of shape \[30\], got "shape \[29\]"/);
    tf.dispose([set, query, norms]);
  });
});
