import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * en: SmoothGrad (Smilkov et al. 2017): dS_c/dI averaged over n copies of the image
 * en: with noise N(0, σ²), σ = spread × (max − min), then mapped as a saliency map.
 * ko: SmoothGrad(Smilkov 등, 2017): 잡음 N(0, σ²), σ = spread × (max − min)을 더한
 * ko: 이미지 사본 n개에서 dS_c/dI를 평균한 뒤 현저성 맵으로 나타낸다.
 */
export function smoothGrad(logits: Logits, image: tf.Tensor3D, c: number, n = 50, spread = 0.15, seed = 0): tf.Tensor2D {
  return tf.tidy(() => {
    const score = (x: tf.Tensor) => logits(x as tf.Tensor4D).gather([c], 1).sum();
    const x = image.expandDims(0);
    const sigma = image.max().sub(image.min()).mul(spread);
    let total = tf.zerosLike(x);
    for (let t = 0; t < n; t++) {
      const noise = tf.randomNormal(x.shape, 0, 1, 'float32', seed + t).mul(sigma);
      total = total.add(tf.grad(score)(x.add(noise))); // I + ε_t
    }
    return total.div(n).abs().max(3).squeeze([0]) as tf.Tensor2D;
  });
}
