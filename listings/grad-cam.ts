import * as tf from '@tensorflow/tfjs-core';
import type { Features, Head } from './types.ts';

/**
 * en: Grad-CAM (Selvaraju et al. 2017): α_k^c = mean over i, j of ∂y^c/∂A^k_ij,
 * en: and L^c = ReLU(Σ_k α_k^c A^k).
 * ko: Grad-CAM(Selvaraju 등, 2017): α_k^c = i, j에 대한 ∂y^c/∂A^k_ij의 평균,
 * ko: L^c = ReLU(Σ_k α_k^c A^k).
 */
export function gradCam(features: Features, head: Head, image: tf.Tensor3D, c: number): tf.Tensor2D {
  return tf.tidy(() => {
    const A = features(image.expandDims(0) as tf.Tensor4D); // A^k: [1, u, v, K]
    const score = (a: tf.Tensor) => head(a as tf.Tensor4D).gather([c], 1).sum(); // y^c
    const alpha = tf.grad(score)(A).mean([1, 2], true); // α_k^c: [1, 1, 1, K]
    return tf.relu(A.mul(alpha).sum(3)).squeeze([0]) as tf.Tensor2D;
  });
}
