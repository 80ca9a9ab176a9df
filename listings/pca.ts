import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * PCA of the embeddings: each image's e = (1/Z) Σ_ij A_ij, centred, C = X_cᵀ X_c / (n − 1),
 * and the two eigenvectors v_1, v_2 of C with the largest eigenvalues (TensorFlow.js has no
 * eigendecomposition: power iteration, then deflation C ← C − λ v vᵀ). Each axis is signed so that
 * its largest entry is positive. Returns the points z_j = ((x_j − x̄)ᵀ v_1, (x_j − x̄)ᵀ v_2) and
 * the share of the variance each axis keeps, λ_i / Σ λ.
 */
export function pcaMap(features: Features, images: tf.Tensor4D, steps = 300): { points: tf.Tensor2D; ratios: tf.Tensor1D } {
  return tf.tidy(() => {
    const x = features(images).mean([1, 2]) as tf.Tensor2D; // [n, K]
    const n = x.shape[0];
    const xc = x.sub(x.mean(0)) as tf.Tensor2D;
    let c = xc.matMul(xc, true, false).div(n - 1) as tf.Tensor2D; // C: [K, K]
    const total = xc
      .square()
      .sum()
      .div(n - 1); // Σ λ = trace C
    const axes: tf.Tensor2D[] = [];
    const lambdas: tf.Scalar[] = [];
    for (let i = 0; i < 2; i++) {
      let v = tf.linspace(1, 2, c.shape[0]).reshape([-1, 1]) as tf.Tensor2D; // any start not orthogonal to v_i
      for (let t = 0; t < steps; t++) {
        const cv = c.matMul(v);
        v = cv.div(cv.norm()); // v ← C v / ‖C v‖
      }
      const largest = v.abs().argMax(0);
      v = v.mul(v.gather(largest).sign()); // sign: largest entry positive
      const lambda = v.transpose().matMul(c).matMul(v).reshape([]) as tf.Scalar; // λ = vᵀ C v
      c = c.sub(v.mul(v.transpose()).mul(lambda)); // deflate
      axes.push(v);
      lambdas.push(lambda);
    }
    return { points: xc.matMul(tf.concat(axes, 1)) as tf.Tensor2D, ratios: tf.stack(lambdas).div(total) as tf.Tensor1D };
  });
}
