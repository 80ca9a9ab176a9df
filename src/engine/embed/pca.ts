import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../shared/rng.ts';
import { badArgument } from '../shared/errors.ts';

export interface PcaOptions {
  /** Components k to keep. Default 2. */
  components?: number;
  /** Times the covariance is squared before power iteration: the gap lambda_2 / lambda_1 shrinks to its 2^s-th power. Default 5. */
  squarings?: number;
  /** Power-iteration steps on the squared matrix per component. Default 8. */
  iterations?: number;
}

export interface PcaResult {
  /** Centred data projected on the components, [n, k]. */
  projections: tf.Tensor2D;
  /** Unit principal axes as rows, [k, d], largest variance first. */
  components: tf.Tensor2D;
  /** lambda_i / sum of all eigenvalues (= total variance), [k]. */
  explainedVarianceRatio: tf.Tensor1D;
  /** The column means that were subtracted, [d]. */
  mean: tf.Tensor1D;
}

/**
 * Principal component analysis of X, [n, d], all in tensor ops (no readback).
 *
 * @equation pca
 *   C = X_c^T X_c / (n - 1),  C v_i = lambda_i v_i,  Z = X_c V^T.
 * Method: centre; C (or the n x n Gram matrix X_c X_c^T when n < d, whose
 * eigenvectors u give v = X_c^T u / ||X_c^T u||); then per component, power
 * iteration on C^(2^s) scaled to unit norm, and deflation C <- C - lambda v v^T.
 * Squaring first makes convergence fast even when eigenvalues are close.
 * Sign convention (as scikit-learn's svd_flip): each component's entry of
 * largest magnitude is positive, so the same data always gives the same axes.
 * The caller owns every tensor in the result.
 */
export function pca(x: tf.Tensor2D, options: PcaOptions = {}): PcaResult {
  const { components: k = 2, squarings = 5, iterations = 8 } = options;
  if (x.rank !== 2) throw badArgument('pca', 'x', 'a tensor of shape [n, d]', `shape [${x.shape.join(', ')}]`);
  const [n, d] = x.shape;
  if (n < 2) throw badArgument('pca', 'x', 'at least 2 rows', n);
  if (!Number.isInteger(k) || k < 1 || k > Math.min(n, d)) {
    throw badArgument('pca', 'components', `an integer in 1..min(n, d) = ${Math.min(n, d)}`, k);
  }
  return tf.tidy(() => {
    const mean = x.mean(0) as tf.Tensor1D;
    const xc = x.sub(mean) as tf.Tensor2D;
    const useGram = n < d;
    const scatter = (useGram ? xc.matMul(xc, false, true) : xc.matMul(xc, true, false)).div(n - 1) as tf.Tensor2D;
    const total = xc.square().sum().div(n - 1);
    const m = scatter.shape[0];
    const start = seededStart(m, k);
    let residual: tf.Tensor2D = scatter;
    const vectors: tf.Tensor1D[] = [];
    const values: tf.Scalar[] = [];
    for (let c = 0; c < k; c++) {
      let power = residual;
      for (let s = 0; s < squarings; s++) power = unitNorm(power.matMul(power) as tf.Tensor2D);
      let v = start[c]!;
      for (let t = 0; t < iterations; t++) v = unitNorm(power.matMul(v.expandDims(1)).squeeze([1]) as tf.Tensor1D);
      const lambda = residual.matMul(v.expandDims(1)).squeeze([1]).dot(v) as tf.Scalar;
      vectors.push(v);
      values.push(lambda);
      // v v^T as a broadcast product: the wasm backend's matMul fails on an inner dimension of 1 (outerProduct).
      residual = residual.sub(v.expandDims(1).mul(v.expandDims(0)).mul(lambda)) as tf.Tensor2D;
    }
    let axes = tf.stack(vectors) as tf.Tensor2D;
    if (useGram) axes = rowsToUnit(axes.matMul(xc) as tf.Tensor2D);
    axes = flipSigns(axes);
    return {
      projections: xc.matMul(axes, false, true) as tf.Tensor2D,
      components: axes,
      explainedVarianceRatio: tf.stack(values).div(total) as tf.Tensor1D,
      mean,
    };
  });
}

/** Fixed pseudo-random start vectors: a fixed axis could be orthogonal to the answer. */
function seededStart(m: number, k: number): tf.Tensor1D[] {
  const rng = createRng(0x9ca);
  return Array.from({ length: k }, () => tf.tensor1d(Array.from({ length: m }, () => rng.range(-1, 1))));
}

function unitNorm<T extends tf.Tensor>(t: T): T {
  // The epsilon keeps an all-zero residual (rank-deficient data) finite.
  return t.div(t.norm().add(1e-30)) as T;
}

function rowsToUnit(rows: tf.Tensor2D): tf.Tensor2D {
  return rows.div(rows.norm('euclidean', 1, true).add(1e-30)) as tf.Tensor2D;
}

/** Multiplies each row by the sign of its largest-magnitude entry. */
function flipSigns(rows: tf.Tensor2D): tf.Tensor2D {
  const [k, d] = rows.shape;
  const at = rows.abs().argMax(1).add(tf.range(0, k * d, d, 'int32'));
  const peak = rows.reshape([-1]).gather(at);
  return rows.mul(tf.where(peak.less(0), tf.scalar(-1), tf.scalar(1)).expandDims(1)) as tf.Tensor2D;
}
