import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * SmoothGrad (Smilkov et al. 2017): dS_c/dI averaged over n copies of the image
 * with noise N(0, σ²), σ = spread × (max − min), then mapped as a saliency map.
 */
export function smoothGrad(logits: Logits, image: tf.Tensor3D, c: number, n = 50, spread = 0.15, seed = 0): tf.Tensor2D {
  return tf.tidy(() => {
    const score = (x: tf.Tensor) => logits(x as tf.Tensor4D).gather([c], 1).sum();
    const x = image.expandDims(0);
    const sigma = image.max().sub(image.min()).mul(spread);
    let total = tf.zerosLike(x);
    for (let t = 0; t < n; t++) {
      const noise = tf.randomNormal(x.shape, 0, 1, 'float32', seed + t).mul(sigma);
      total = total.add(tf.grad(score)(x.add(noise))); // at I + ε_t
    }
    return total.div(n).abs().max(3).squeeze([0]) as tf.Tensor2D;
  });
}
