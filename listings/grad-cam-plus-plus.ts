import * as tf from '@tensorflow/tfjs-core';
import type { Features, Head } from './types.ts';

/**
 * en: Grad-CAM++ (Chattopadhay et al. 2018) from first-order gradients g = ∂y^c/∂A^k:
 * en: a_ij = g² / (2 g² + Σ_ab A^k_ab g³), β_k^c = Σ_ij a_ij ReLU(g_ij), L^c = ReLU(Σ_k β_k^c A^k).
 * ko: 1차 그래디언트 g = ∂y^c/∂A^k로 계산하는 Grad-CAM++(Chattopadhay 등, 2018):
 * ko: a_ij = g² / (2 g² + Σ_ab A^k_ab g³), β_k^c = Σ_ij a_ij ReLU(g_ij), L^c = ReLU(Σ_k β_k^c A^k).
 */
export function gradCamPlusPlus(features: Features, head: Head, image: tf.Tensor3D, c: number): tf.Tensor2D {
  return tf.tidy(() => {
    const A = features(image.expandDims(0) as tf.Tensor4D); // A^k: [1, u, v, K]
    const score = (a: tf.Tensor) =>
      head(a as tf.Tensor4D)
        .gather([c], 1)
        .sum(); // y^c
    const g = tf.grad(score)(A);
    const denominator = g
      .square()
      .mul(2)
      .add(A.sum([1, 2], true).mul(g.pow(3)));
    // en: a_ij = 0 where g = 0
    // ko: g = 0인 곳에서는 a_ij = 0
    const a = tf.where(denominator.notEqual(0), g.square().div(denominator), tf.zerosLike(g));
    const beta = a.mul(tf.relu(g)).sum([1, 2], true); // β_k^c: [1, 1, 1, K]
    return tf.relu(A.mul(beta).sum(3)).squeeze([0]) as tf.Tensor2D;
  });
}
