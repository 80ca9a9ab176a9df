import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * en: Nearest neighbours in feature space: each image's embedding is the global
 * en: average of its last feature maps, e = (1/Z) Σ_ij A_ij, and the neighbours of
 * en: image q are the k other images whose embeddings are closest, ‖e_q − e_i‖ smallest, i ≠ q.
 * ko: 특징 공간의 최근접 이웃: 각 이미지의 임베딩은 마지막 특징 맵의 전역 평균
 * ko: e = (1/Z) Σ_ij A_ij이고, 이미지 q의 이웃은 임베딩이 가장 가까운
 * ko: (‖e_q − e_i‖가 가장 작은, i ≠ q) 다른 이미지 k개다.
 */
export function nearestNeighbours(features: Features, images: tf.Tensor4D, q: number, k: number): { indices: tf.Tensor1D; distances: tf.Tensor1D } {
  return tf.tidy(() => {
    const e = features(images).mean([1, 2]); // e: [n, K]
    const distances = e.sub(e.gather([q])).norm('euclidean', 1); // ‖e_q − e_i‖: [n]
    const others = tf.where(tf.range(0, e.shape[0]).equal(q), tf.fill([e.shape[0]], Infinity), distances); // i ≠ q
    // en: the k smallest
    // ko: 가장 작은 k개
    const { values, indices } = tf.topk(others.neg(), k);
    return { indices: indices as tf.Tensor1D, distances: values.neg() as tf.Tensor1D };
  });
}
