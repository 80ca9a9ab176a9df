import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * Nearest neighbours in feature space: each image's embedding is the global
 * average of its last feature maps, e = (1/Z) Σ_ij A_ij, and the neighbours of
 * image q are the k other images whose embeddings are closest, ‖e_q − e_i‖ smallest, i ≠ q.
 */
export function nearestNeighbours(features: Features, images: tf.Tensor4D, q: number, k: number): { indices: tf.Tensor1D; distances: tf.Tensor1D } {
  return tf.tidy(() => {
    const e = features(images).mean([1, 2]); // e: [n, K]
    const distances = e.sub(e.gather([q])).norm('euclidean', 1); // ‖e_q − e_i‖: [n]
    const others = tf.where(tf.range(0, e.shape[0]).equal(q), tf.fill([e.shape[0]], Infinity), distances); // i ≠ q
    const { values, indices } = tf.topk(others.neg(), k); // the k smallest
    return { indices: indices as tf.Tensor1D, distances: values.neg() as tf.Tensor1D };
  });
}
