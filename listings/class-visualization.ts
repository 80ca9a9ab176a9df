import * as tf from '@tensorflow/tfjs-core';
import type { Logits } from './types.ts';

/**
 * Class visualization (Simonyan et al. 2014): I* = argmax_I S_c(I) − λ‖I‖₂², by
 * gradient ascent on the image from `start`, the weights fixed:
 * I ← I + η ∇_I (S_c(I) − λ‖I‖₂²). The network sees I + offset (the lesson's ½: I counts from mid-grey).
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
