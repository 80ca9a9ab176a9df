import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * en: Occlusion (Zeiler & Fergus 2014): d_c(p) = S_c(I) - S_c(I ⊙ (1 - M_p) + g M_p),
 * en: with a grey patch M_p every `stride` pixels.
 * ko: 가림(Zeiler & Fergus, 2014): d_c(p) = S_c(I) - S_c(I ⊙ (1 - M_p) + g M_p).
 * ko: 회색 패치 M_p를 `stride` 픽셀마다 놓는다.
 */
export function occlusionMap(logits: Logits, image: tf.Tensor3D, c: number, patch = 8, stride = 4, grey = 0.5): tf.Tensor2D {
  const [h, w] = image.shape;
  const [rows, cols] = [Math.floor((h - patch) / stride) + 1, Math.floor((w - patch) / stride) + 1];
  // en: M_p: 1 inside patch p
  // ko: M_p: 패치 p 안에서 1
  const masks = tf.buffer([rows * cols, h, w, 1]);
  for (let r = 0; r < rows; r++)
    for (let q = 0; q < cols; q++)
      for (let i = 0; i < patch; i++)
        for (let j = 0; j < patch; j++) masks.set(1, r * cols + q, r * stride + i, q * stride + j, 0);
  return tf.tidy(() => {
    const M = masks.toTensor();
    // en: a copy per position
    // ko: 위치마다 사본 하나
    const occluded = image.expandDims(0).mul(tf.sub(1, M)).add(M.mul(grey));
    const base = logits(image.expandDims(0) as tf.Tensor4D).gather([c], 1); // S_c(I)
    return base.sub(logits(occluded as tf.Tensor4D).gather([c], 1)).reshape([rows, cols]) as tf.Tensor2D;
  });
}
