import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * en: Class visualization (Simonyan et al. 2014): I* = argmax_I S_c(I) − λ‖I‖₂², by
 * en: gradient ascent on the image from `start`, the weights fixed:
 * en: I ← I + η ∇_I (S_c(I) − λ‖I‖₂²). The network sees I + offset (the lesson's ½: I counts from mid-grey).
 * ko: 클래스 시각화(Simonyan 등, 2014): I* = argmax_I S_c(I) − λ‖I‖₂². 가중치를 고정한 채
 * ko: `start`에서 시작해 이미지에 경사 상승법을 적용한다:
 * ko: I ← I + η ∇_I (S_c(I) − λ‖I‖₂²). 네트워크는 I + offset을 본다(레슨의 ½: I는 중간 회색을 기준으로 잰다).
 */
export function classVisualization(logits: Logits, start: tf.Tensor3D, c: number, lambda: number, eta: number, steps: number, offset = 0.5): tf.Tensor3D {
  return tf.tidy(() => {
    const objective = (image: tf.Tensor) =>
      logits(image.add(offset).expandDims(0) as tf.Tensor4D)
        .gather([c], 1)
        .sum()
        .sub(image.square().sum().mul(lambda));
    let image: tf.Tensor = start;
    for (let t = 0; t < steps; t++) image = image.add(tf.grad(objective)(image).mul(eta));
    return image as tf.Tensor3D;
  });
}
