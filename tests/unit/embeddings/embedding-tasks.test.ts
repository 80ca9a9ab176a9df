import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { nearestNeighbours } from '~/engine/embed/nearest-neighbours.ts';
import { layerOutput } from '~/engine/probe/layer-output.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { neighbourAgreement, type AgreementArgs, type AgreementProgress } from '~/engine/tasks/embeddings/agreement.ts';
import { FeatureSet } from '~/engine/tasks/embeddings/feature-set.ts';
import { pcaLayout } from '~/engine/tasks/embeddings/layouts.ts';
import { spaceNeighbours } from '~/engine/tasks/embeddings/neighbours.ts';
import { dropEmbeddingSet, keepSet } from '~/engine/tasks/embeddings/set-store.ts';
import { tinyGapCnn } from '../cam/tiny-gap.ts';

const model = tinyGapCnn();
afterAll(() => model.dispose());

/** n random 8x8x3 images and labels 0..2. */
function images(n: number, seed: number): { pixels: Float32Array; labels: number[] } {
  const rng = createRng(seed);
  return { pixels: Float32Array.from({ length: n * 192 }, () => rng.next()), labels: Array.from({ length: n }, (_, i) => i % 3) };
}

/** A new set of the tiny model, kept in the engine under `id`. */
function keptSet(id: string): FeatureSet {
  const set = new FeatureSet(model);
  keepSet(id, set);
  return set;
}

/** The agreement figure as a session run to its end. */
async function agreement(args: AgreementArgs, reports: AgreementProgress[] = []) {
  return new SessionRunner().start('w', await neighbourAgreement(args), { budgetMs: 0.01, reportEveryMs: 0, onReport: (r) => reports.push(r.progress) });
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
    const set = new FeatureSet(model);
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
    const set = new FeatureSet(model);
    await expect(set.add(new Float32Array(100), [0])).rejects.toThrow(/FeatureSet.add\(images\): expected 1 images of 8x8x3 = 192 floats, got 100/);
    const maps = new FeatureSet(model, 'last_relu');
    await expect(maps.add(images(1, 2).pixels, [0])).rejects.toThrow(/a layer with \[n, d\] output/);
    set.dispose();
    maps.dispose();
  });

  it('does not leak memory', async () => {
    const before = tf.memory().numTensors;
    const { pixels, labels } = images(12, 3);
    const set = keptSet('leak');
    await set.add(pixels.subarray(0, 6 * 192), labels.slice(0, 6));
    await set.add(pixels.subarray(6 * 192), labels.slice(6));
    await spaceNeighbours('leak', 'features', 2, 3, 'cosine');
    await spaceNeighbours('leak', 'pixels', 2, 3, 'euclidean');
    await agreement({ set: 'leak', queries: 5, k: 3, metric: 'euclidean' });
    await pcaLayout('leak');
    expect(tf.memory().numTensors).toBe(before + 4);
    // A cancelled agreement leaves nothing behind either.
    const runner = new SessionRunner();
    const stopped = runner.start('w', await neighbourAgreement({ set: 'leak', queries: 12, k: 3, metric: 'cosine' }), { budgetMs: 0.01 }).catch(() => undefined);
    await runner.cancel('w');
    await stopped;
    expect(tf.memory().numTensors).toBe(before + 4);
    dropEmbeddingSet('leak');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('spaceNeighbours and neighbourAgreement', () => {
  it('match brute-force neighbours in both spaces, leaving the query out', async () => {
    const { pixels, labels } = images(15, 4);
    const set = keptSet('brute');
    const features = await set.add(pixels, labels);
    const feature = await spaceNeighbours('brute', 'features', 7, 4, 'euclidean');
    const pixel = await spaceNeighbours('brute', 'pixels', 7, 4, 'euclidean');
    expect(feature.indices).toEqual(nearest(features, 5, 7, 4));
    expect(pixel.indices).toEqual(nearest(pixels, 192, 7, 4));
    expect(pixel.labels).toEqual(pixel.indices.map((i) => labels[i]));
    expect(feature.sameClass).toBe(feature.labels.filter((c) => c === labels[7]).length / 4);
    const share = (rows: Float32Array, d: number) =>
      Array.from({ length: 6 }, (_, q) => nearest(rows, d, q, 4).filter((i) => labels[i] === labels[q]).length / 4).reduce((s, v) => s + v) / 6;
    const reports: AgreementProgress[] = [];
    const figure = await agreement({ set: 'brute', queries: 6, k: 4, metric: 'euclidean' }, reports);
    expect(figure.feature).toBeCloseTo(share(features, 5), 12);
    expect(figure.pixel).toBeCloseTo(share(pixels, 192), 12);
    // Feature-space queries first, then pixel-space ones, in batches.
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual({ done: 12, total: 12 });
    dropEmbeddingSet('brute');
  });

  it('gives the same neighbours over several blocks as over the whole set', async () => {
    const { pixels, labels } = images(600, 6);
    const set = keptSet('blocks');
    const rows: number[] = [];
    for (let start = 0; start < 600; start += 50) rows.push(...(await set.add(pixels.subarray(start * 192, (start + 50) * 192), labels.slice(start, start + 50))));
    expect(set.space('pixels').map((b) => [b.start, b.rows.shape[0]])).toEqual([[0, 300], [300, 300]]);
    for (const query of [3, 420]) {
      expect((await spaceNeighbours('blocks', 'pixels', query, 5, 'euclidean')).indices).toEqual(nearest(pixels, 192, query, 5));
      expect((await spaceNeighbours('blocks', 'features', query, 5, 'euclidean')).indices).toEqual(nearest(Float32Array.from(rows), 5, query, 5));
    }
    dropEmbeddingSet('blocks');
  });

  it('names the bad argument', async () => {
    const set = keptSet('bad');
    await set.add(images(4, 5).pixels, [0, 1, 2, 0]);
    await expect(spaceNeighbours('bad', 'pixels', 4, 2, 'cosine')).rejects.toThrow(/spaceNeighbours\(query\): expected an image index in 0..3, got 4/);
    await expect(neighbourAgreement({ set: 'bad', queries: 2, k: 4, metric: 'cosine' })).rejects.toThrow(/neighbourAgreement\(k\): expected an integer in 1..3, got 4/);
    dropEmbeddingSet('bad');
    await expect(spaceNeighbours('bad', 'pixels', 0, 2, 'cosine')).rejects.toThrow(/spaceNeighbours\(set\): expected the id of an embedding set the engine holds, got "bad"/);
    await expect(pcaLayout('bad')).rejects.toThrow(/pcaLayout\(set\)/);
  });
});

describe('the neighbour agreement session', () => {
  it('holds still while paused, resumes to the uninterrupted figure, and reports nothing once cancelled', async () => {
    const { pixels, labels } = images(40, 8);
    await keptSet('contract').add(pixels, labels);
    const args: AgreementArgs = { set: 'contract', queries: 30, k: 3, metric: 'cosine' };
    const whole = await agreement(args);
    const runner = new SessionRunner();
    const session = await neighbourAgreement(args);
    const statuses: string[] = [];
    let paused: Promise<void> | undefined;
    const result = runner.start('w', session, {
      budgetMs: 0.01, reportEveryMs: 0,
      onReport: (r) => {
        statuses.push(r.status);
        if (r.progress.done > 0) paused ??= runner.pause('w');
      },
    });
    while (!paused) await new Promise((resolve) => setTimeout(resolve, 0));
    await paused;
    const left = session.remaining();
    expect(left).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.remaining()).toBe(left);
    expect(statuses.at(-1)).toBe('paused');
    runner.resume('w');
    expect(await result).toEqual(whole);
    expect(statuses.at(-1)).toBe('done');

    const cancelled = await neighbourAgreement(args);
    let reports = 0;
    const stopped = runner.start('c', cancelled, { budgetMs: 0.01, reportEveryMs: 0, onReport: () => reports++ }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runner.cancel('c');
    const seen = reports;
    expect(isSuperseded(await stopped)).toBe(true);
    expect(cancelled.remaining()).toBeGreaterThan(0);
    expect(reports).toBe(seen);
    dropEmbeddingSet('contract');
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
