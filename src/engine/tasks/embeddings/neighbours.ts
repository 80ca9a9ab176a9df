import * as tf from '@tensorflow/tfjs-core';
import { nearestNeighbours, type Metric } from '../../embed/nearest-neighbours.ts';
import { badArgument } from '../../shared/errors.ts';
import type { Block, SpaceName } from './feature-set.ts';
import { setOf } from './set-store.ts';

/** The k images nearest to a query in one space, nearest first, the query itself left out. */
export interface NeighbourList {
  indices: number[];
  distances: number[];
  labels: number[];
  /** Share of the k neighbours whose class is the query's. */
  sameClass: number;
}

/**
 * The k nearest members of the set kept under `setId` to member `query` in
 * one space (the model's features or the raw pixels), by `nearestNeighbours`:
 * one matrix product per block of the set and one readback. Asks for k + 1
 * and drops the query itself.
 */
export async function spaceNeighbours(setId: string, space: SpaceName, query: number, k: number, metric: Metric): Promise<NeighbourList> {
  const set = setOf(setId, 'spaceNeighbours');
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

/** Row `index` of the set in one space, [1, d]. */
export function rowOf(blocks: readonly Block[], index: number): tf.Tensor2D {
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
export function nearestInBlocks(queries: tf.Tensor2D, blocks: readonly Block[], k: number, metric: Metric): { indices: tf.Tensor2D; distances: tf.Tensor2D } {
  return tf.tidy(() => {
    const parts = blocks.map((b) => {
      const found = nearestNeighbours(queries, b.rows, Math.min(k, b.rows.shape[0]), metric, b.norms);
      return { indices: found.indices.add(b.start), distances: found.distances };
    });
    return { indices: tf.concat(parts.map((p) => p.indices), 1) as tf.Tensor2D, distances: tf.concat(parts.map((p) => p.distances), 1) as tf.Tensor2D };
  });
}

/** Row r's k nearest of the m candidates nearestInBlocks found, nearest first, ties to the lower index (as one product over the whole set). */
export function nearestOf(indices: ArrayLike<number>, distances: ArrayLike<number>, r: number, m: number, k: number): { indices: number[]; distances: number[] } {
  const order = Array.from({ length: m }, (_, t) => r * m + t).sort((a, b) => distances[a]! - distances[b]! || indices[a]! - indices[b]!).slice(0, k);
  return { indices: order.map((e) => indices[e]!), distances: order.map((e) => distances[e]!) };
}

/** The first k of k + 1 found rows that are not the query itself. */
export function listOf(indices: ArrayLike<number>, distances: ArrayLike<number>, query: number, k: number, labels: readonly number[], label: number): NeighbourList {
  const keep = Array.from(indices, (index, t) => ({ index, distance: distances[t]! })).filter((e) => e.index !== query).slice(0, k);
  const own = keep.map((e) => labels[e.index]!);
  return {
    indices: keep.map((e) => e.index),
    distances: keep.map((e) => e.distance),
    labels: own,
    sameClass: own.filter((c) => c === label).length / k,
  };
}
