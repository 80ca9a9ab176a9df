import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { knnAccuracy, nearestNeighbours, type Metric } from '~/engine/embed/nearest-neighbours.ts';

function bruteForce(queries: number[][], set: number[][], k: number, metric: Metric) {
  const dist = (a: number[], b: number[]) => {
    if (metric === 'euclidean') return Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0));
    const dot = a.reduce((s, v, i) => s + v * b[i]!, 0);
    return 1 - dot / (Math.hypot(...a) * Math.hypot(...b));
  };
  return queries.map((q) => set.map((x, i) => ({ i, d: dist(q, x) })).sort((a, b) => a.d - b.d).slice(0, k));
}

describe('nearestNeighbours', () => {
  const rng = createRng(9);
  const set = Array.from({ length: 40 }, () => Array.from({ length: 6 }, () => rng.range(-1, 1)));
  const queries = Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => rng.range(-1, 1)));

  for (const metric of ['euclidean', 'cosine'] as const) {
    it(`agrees with a brute-force loop (${metric})`, async () => {
      const s = tf.tensor2d(set);
      const q = tf.tensor2d(queries);
      const { indices, distances } = nearestNeighbours(q, s, 7, metric);
      const want = bruteForce(queries, set, 7, metric);
      expect(await indices.array()).toEqual(want.map((row) => row.map((e) => e.i)));
      ((await distances.array()) as number[][]).flat().forEach((d, t) => expect(d).toBeCloseTo(want.flat()[t]!.d, 4));
      tf.dispose([s, q, indices, distances]);
    });
  }

  it('finds a member of the set first at distance ~0, for a 1-D query', async () => {
    const s = tf.tensor2d(set);
    const q = tf.tensor1d(set[12]!);
    const { indices, distances } = nearestNeighbours(q, s, 2, 'cosine');
    expect(indices.shape).toEqual([1, 2]);
    expect((await indices.data())[0]).toBe(12);
    expect((await distances.data())[0]).toBeCloseTo(0, 5);
    tf.dispose([s, q, indices, distances]);
  });

  it('names bad arguments', () => {
    const s = tf.zeros([4, 3]) as tf.Tensor2D;
    const q = tf.zeros([2]) as tf.Tensor1D;
    expect(() => nearestNeighbours(q, s, 1)).toThrow('nearestNeighbours(query): expected shape [3] or [q, 3] to match the set, got "shape [2]"');
    expect(() => nearestNeighbours(tf.zeros([3]) as tf.Tensor1D, s, 5)).toThrow('nearestNeighbours(k): expected an integer in 1..4, got 5');
    tf.dispose([s, q]);
  });

  it('does not leak memory', () => {
    const s = tf.tensor2d(set);
    const q = tf.tensor2d(queries);
    const before = tf.memory().numTensors;
    const r = nearestNeighbours(q, s, 3, 'cosine');
    const e = nearestNeighbours(q, s, 3, 'euclidean');
    expect(tf.memory().numTensors).toBe(before + 4);
    tf.dispose([s, q, r.indices, r.distances, e.indices, e.distances]);
  });
});

describe('knnAccuracy', () => {
  it('scores separated and interleaved labels (by hand)', () => {
    // Two tight groups far apart: every point's 2 nearest share its label.
    const points = [0, 0, 0, 1, 1, 0, 100, 100, 100, 101, 101, 100];
    expect(knnAccuracy(points, [0, 0, 0, 1, 1, 1], 2)).toBe(1);
    // Label one point of each group wrongly: those two are outvoted by their neighbours, the rest still agree.
    expect(knnAccuracy(points, [0, 0, 1, 1, 1, 0], 2)).toBeCloseTo(4 / 6, 10);
  });

  it('breaks a vote tie towards the nearest neighbour', () => {
    // Point 0's neighbours: 1 (label 1) at 1, 2 (label 2) at 2; k = 2 ties 1-1, so the nearest wins: label 1.
    expect(knnAccuracy([0, 0, 1, 0, -2, 0], [1, 1, 2], 2)).toBeCloseTo(1 / 3 + 1 / 3, 10);
  });
});
