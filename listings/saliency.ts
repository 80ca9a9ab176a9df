import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * en: Saliency map (Simonyan et al. 2014): w = dS_c/dI, and
 * en: M_ij = max over colour channels k of |w_ijk|.
 * ko: 현저성 맵(Simonyan 등, 2014): w = dS_c/dI이고,
 * ko: M_ij = 색 채널 k에 대한 |w_ijk|의 최댓값.
 */
export function saliencyMap(logits: Logits, image: tf.Tensor3D, c: number): tf.Tensor2D {
  return tf.tidy(() => {
    const score = (x: tf.Tensor) => logits(x as tf.Tensor4D).gather([c], 1).sum(); // S_c
    const w = tf.grad(score)(image.expandDims(0)); // dS_c/dI: [1, h, w, 3]
    return w.abs().max(3).squeeze([0]) as tf.Tensor2D;
  });
}
