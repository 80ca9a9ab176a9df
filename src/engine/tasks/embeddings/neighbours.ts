import * as tf from '@tensorflow/tfjs-core';
import { nearestNeighbours, type Metric } from '../../embed/nearest-neighbours.ts';
import { badArgument } from '../../shared/errors.ts';
import { pace } from '../trust/pace.ts';
import type { Block, FeatureSet, SpaceName } from './feature-set.ts';

/** The k images nearest to a query in one space, nearest first, the query itself left out. */
export interface NeighbourList {
  indices: number[];
  distances: number[];
  labels: number[];
  /** Share of the k neighbours whose class is the query's. */
  sameClass: number;
}

/**
 * The k nearest members of the set to member `query` in one space (the
 * model's features or the raw pixels), by `nearestNeighbours`: one matrix
 * product per block of the set and one readback. Asks for k + 1 and drops the
 * query itself.
 */
export async function spaceNeighbours(set: FeatureSet, space: SpaceName, query: number, k: number, metric: Metric): Promise<NeighbourList> {
  const n = set.size;
  if (space !== 'features' && space !== 'pixels') throw badArgument('spaceNeighbours', 'space', '"features" or "pixels"', space);
  if (!Number.isInteger(query) || query < 0 || query >= n) throw badArgument('spaceNeighbours', 'query', `an image index in 0..${n - 1}`, query);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw badArgument('spaceNeighbours', 'k', `an integer in 1..${n - 1}`, k);
  const blocks = set.space(space);
  const found = tf.tidy(() => nearestInBlocks(rowOf(blocks, query), blocks, k + 1, metric));
  try {
    const [indices, distances] = await Promise.all([found.indices.data(), found.distances.data()]);
    const best = nearestOf(indices, distances, 0, found.indices.shape[1], k + 1);
    return listOf(best.indices, best.distances, query, k, set.labels, set.labels[query]!);
  } finally {
    tf.dispose([found.indices, found.distances]);
  }
}

export interface Agreement {
  /** Queries measured: the first `queries` members of the set. */
  queries: number;
  k: number;
  /** Mean over the queries of the same-class share of their k neighbours. */
  feature: number;
  pixel: number;
}

/**
 * The batch figure: over the first `queries` members of the set, the mean
 * share of each one's k nearest others (by `nearestNeighbours`) that carry its
 * class, in feature space and in pixel space. Pixel-space distances cost
 * h*w*c multiply-adds per pair, so they run a few queries at a time, yielding
 * to the page in between; `signal` stops the job between chunks.
 */
export async function neighbourAgreement(
  set: FeatureSet,
  queries: number,
  k: number,
  metric: Metric,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<Agreement> {
  const n = set.size;
  if (!Number.isInteger(queries) || queries < 1 || queries > n) throw badArgument('neighbourAgreement', 'queries', `an integer in 1..${n}`, queries);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw badArgument('neighbourAgreement', 'k', `an integer in 1..${n - 1}`, k);
  const total = { features: 0, pixels: 0 };
  for (const space of ['features', 'pixels'] as SpaceName[]) {
    const blocks = set.space(space);
    // About 25 million multiply-adds per chunk: a few milliseconds on wasm.
    const chunk = Math.max(1, Math.floor(25e6 / (n * blocks[0]!.rows.shape[1])));
    for (let start = 0; start < queries; start += chunk) {
      const size = Math.min(chunk, queries - start);
      const rows = tf.tidy(() => tf.concat(Array.from({ length: size }, (_, q) => rowOf(blocks, start + q))) as tf.Tensor2D);
      const found = nearestInBlocks(rows, blocks, k + 1, metric);
      rows.dispose();
      const [indices, distances] = await Promise.all([found.indices.data(), found.distances.data()]);
      const m = found.indices.shape[1];
      tf.dispose([found.indices, found.distances]);
      for (let q = 0; q < size; q++) {
        const best = nearestOf(indices, distances, q, m, k + 1);
        total[space] += listOf(best.indices, best.distances, start + q, k, set.labels, set.labels[start + q]!).sameClass;
      }
      onProgress?.(start + size + (space === 'pixels' ? queries : 0), 2 * queries);
      await pace(signal, 'neighbourAgreement');
    }
  }
  return { queries, k, feature: total.features / queries, pixel: total.pixels / queries };
}

/** Row `index` of the set in one space, [1, d]. */
function rowOf(blocks: readonly Block[], index: number): tf.Tensor2D {
  const block = blocks.findLast((b) => b.start <= index)!;
  return block.rows.slice([index - block.start, 0], [1, -1]);
}

/**
 * `nearestNeighbours` over a set held in blocks: the k nearest of each block
 * (one matrix product each, with the block's precomputed lengths), side by
 * side as [q, m] set indices and distances. `nearestOf` picks the overall k
 * nearest after the one readback. (Merging on the device would need a
 * batched gather, which the wasm backend's SIMD build gets wrong.)
 */
function nearestInBlocks(queries: tf.Tensor2D, blocks: readonly Block[], k: number, metric: Metric): { indices: tf.Tensor2D; distances: tf.Tensor2D } {
  return tf.tidy(() => {
    const parts = blocks.map((b) => {
      const found = nearestNeighbours(queries, b.rows, Math.min(k, b.rows.shape[0]), metric, b.norms);
      return { indices: found.indices.add(b.start), distances: found.distances };
    });
    return { indices: tf.concat(parts.map((p) => p.indices), 1) as tf.Tensor2D, distances: tf.concat(parts.map((p) => p.distances), 1) as tf.Tensor2D };
  });
}

/** Row r's k nearest of the m candidates nearestInBlocks found, nearest first, ties to the lower index (as one product over the whole set). */
function nearestOf(indices: ArrayLike<number>, distances: ArrayLike<number>, r: number, m: number, k: number): { indices: number[]; distances: number[] } {
  const order = Array.from({ length: m }, (_, t) => r * m + t).sort((a, b) => distances[a]! - distances[b]! || indices[a]! - indices[b]!).slice(0, k);
  return { indices: order.map((e) => indices[e]!), distances: order.map((e) => distances[e]!) };
}

/** The first k of k + 1 found rows that are not the query itself. */
function listOf(indices: ArrayLike<number>, distances: ArrayLike<number>, query: number, k: number, labels: readonly number[], label: number): NeighbourList {
  const keep = Array.from(indices, (index, t) => ({ index, distance: distances[t]! })).filter((e) => e.index !== query).slice(0, k);
  const own = keep.map((e) => labels[e.index]!);
  return {
    indices: keep.map((e) => e.index),
    distances: keep.map((e) => e.distance),
    labels: own,
    sameClass: own.filter((c) => c === label).length / k,
  };
}
