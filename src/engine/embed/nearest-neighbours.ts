import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

export type Metric = 'cosine' | 'euclidean';

export interface Neighbours {
  /** Row indices into the set, nearest first, [q, k] int32. */
  indices: tf.Tensor2D;
  /** Their distances, ascending, [q, k]. */
  distances: tf.Tensor2D;
}

/**
 * The k nearest rows of `set` to each query, by one matrix product.
 *
 * @equation nearest-neighbours
 *   euclidean: ||a - b|| = sqrt(max(0, ||a||^2 + ||b||^2 - 2 a.b))
 *   cosine:    1 - a.b / (||a|| ||b||)   (0 = same direction, 2 = opposite)
 * A query that is itself in the set finds itself first at distance ~0; ask for
 * k + 1 and drop it for "the others like it". Ties keep the lower index first.
 * @param query [d] or [q, d]; @param set [n, d]
 * @param setNorms optional ||b|| of every row of the set, [n]: a caller that
 *   queries one large set many times computes them once (for 2,000 images of
 *   12,288 pixels they cost more than the matrix product itself)
 * @returns caller-owned tensors; a [d] query gives [1, k]
 */
export function nearestNeighbours(query: tf.Tensor1D | tf.Tensor2D, set: tf.Tensor2D, k: number, metric: Metric = 'euclidean', setNorms?: tf.Tensor1D): Neighbours {
  if (set.rank !== 2) throw badArgument('nearestNeighbours', 'set', 'a tensor of shape [n, d]', `shape [${set.shape.join(', ')}]`);
  const [n, d] = set.shape;
  if (setNorms && (setNorms.rank !== 1 || setNorms.shape[0] !== n)) {
    throw badArgument('nearestNeighbours', 'setNorms', `a tensor of shape [${n}]`, `shape [${setNorms.shape.join(', ')}]`);
  }
  const qd = query.shape[query.rank - 1];
  if (query.rank > 2 || qd !== d) {
    throw badArgument('nearestNeighbours', 'query', `shape [${d}] or [q, ${d}] to match the set`, `shape [${query.shape.join(', ')}]`);
  }
  if (!Number.isInteger(k) || k < 1 || k > n) throw badArgument('nearestNeighbours', 'k', `an integer in 1..${n}`, k);
  if (metric !== 'cosine' && metric !== 'euclidean') throw badArgument('nearestNeighbours', 'metric', '"cosine" or "euclidean"', metric);
  return tf.tidy(() => {
    const q = (query.rank === 1 ? query.expandDims(0) : query) as tf.Tensor2D;
    const dots = q.matMul(set, false, true);
    let dist: tf.Tensor2D;
    if (metric === 'euclidean') {
      const qq = q.square().sum(1, true);
      const ss = (setNorms ? setNorms.square() : set.square().sum(1)).expandDims(0);
      // Rounding can make the expansion slightly negative for identical rows.
      dist = qq.add(ss).sub(dots.mul(2)).maximum(0).sqrt() as tf.Tensor2D;
    } else {
      const norms = q.norm('euclidean', 1, true).mul((setNorms ?? set.norm('euclidean', 1)).expandDims(0));
      // A zero vector has no direction; the epsilon makes it distance 1 from everything.
      dist = tf.scalar(1).sub(dots.div(norms.maximum(1e-12))) as tf.Tensor2D;
    }
    const { values, indices } = tf.topk(dist.neg(), k, true);
    return { indices: indices as tf.Tensor2D, distances: values.neg() as tf.Tensor2D };
  });
}

/**
 * Leave-one-out k-NN accuracy of a 2-D layout: the share of points whose k
 * nearest other points (Euclidean) give the point's own label by a plurality
 * vote (the label most of them carry; a tie goes to the label of the nearest
 * tied neighbour). A number for "do the clusters separate the classes". O(n^2 k), plain loops; n x 2 row-major.
 */
export function knnAccuracy(points2d: ArrayLike<number>, labels: ArrayLike<number>, k = 5): number {
  const n = labels.length;
  if (points2d.length !== 2 * n) throw badArgument('knnAccuracy', 'points2d', `n x 2 = ${2 * n} numbers for ${n} labels`, points2d.length);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw badArgument('knnAccuracy', 'k', `an integer in 1..${n - 1}`, k);
  const bestD = new Float64Array(k);
  const bestJ = new Int32Array(k);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    bestD.fill(Infinity);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = points2d[2 * i]! - points2d[2 * j]!;
      const dy = points2d[2 * i + 1]! - points2d[2 * j + 1]!;
      const dd = dx * dx + dy * dy;
      if (dd >= bestD[k - 1]) continue;
      // Insertion into the sorted shortlist of k.
      let t = k - 1;
      while (t > 0 && bestD[t - 1] > dd) {
        bestD[t] = bestD[t - 1];
        bestJ[t] = bestJ[t - 1];
        t--;
      }
      bestD[t] = dd;
      bestJ[t] = j;
    }
    if (vote(bestJ, labels) === labels[i]) correct++;
  }
  return correct / n;
}

/** Most frequent label among the shortlist (nearest first); ties go to the earliest. */
function vote(shortlist: Int32Array, labels: ArrayLike<number>): number {
  let best = labels[shortlist[0]]!;
  let bestCount = 0;
  for (let a = 0; a < shortlist.length; a++) {
    const label = labels[shortlist[a]]!;
    let count = 0;
    for (let b = 0; b < shortlist.length; b++) if (labels[shortlist[b]] === label) count++;
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}
