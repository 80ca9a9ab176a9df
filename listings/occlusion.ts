import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * Occlusion (Zeiler & Fergus 2014): d_c(p) = S_c(I) - S_c(I ⊙ (1 - M_p) + g M_p),
 * with a grey patch M_p every `stride` pixels.
 */
export function occlusionMap(logits: Logits, image: tf.Tensor3D, c: number, patch = 8, stride = 4, grey = 0.5): tf.Tensor2D {
  const [h, w] = image.shape;
  const [rows, cols] = [Math.floor((h - patch) / stride) + 1, Math.floor((w - patch) / stride) + 1];
  const masks = tf.buffer([rows * cols, h, w, 1]); // M_p: 1 inside patch p
  for (let r = 0; r < rows; r++)
    for (let q = 0; q < cols; q++)
      for (let i = 0; i < patch; i++)
        for (let j = 0; j < patch; j++) masks.set(1, r * cols + q, r * stride + i, q * stride + j, 0);
  return tf.tidy(() => {
    const M = masks.toTensor();
    const occluded = image.expandDims(0).mul(tf.sub(1, M)).add(M.mul(grey)); // a copy per position
    const base = logits(image.expandDims(0) as tf.Tensor4D).gather([c], 1); // S_c(I)
    return base.sub(logits(occluded as tf.Tensor4D).gather([c], 1)).reshape([rows, cols]) as tf.Tensor2D;
  });
}
