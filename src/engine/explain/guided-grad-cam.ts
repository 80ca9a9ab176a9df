import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';
import { upsampleMaps } from './upsample.ts';

/**
 * Guided Grad-CAM (Selvaraju et al. 2017, Sec. 3.2): guided backpropagation's
 * fine-grained input gradient, kept only where the coarse Grad-CAM map is
 * high, by an elementwise product with the map upsampled to the image,
 *   G = GB * upsample(L^c).
 *
 * @equation guided-grad-cam
 * @param gradCamMap L^c, [n, h, w] (from `gradCam`; scaled or not)
 * @param guidedGradient guided-backprop gradient, [n, H, W, c] (from `inputGradient(..., { reluBackward: 'guided' })`)
 * @returns [n, H, W, c], per channel like the gradient (reduce with `vanillaSaliency` to show); the caller owns it
 */
export function guidedGradCam(gradCamMap: tf.Tensor3D, guidedGradient: tf.Tensor4D): tf.Tensor4D {
  if (guidedGradient.rank !== 4) throw badArgument('guidedGradCam', 'guidedGradient', 'a tensor [n, H, W, c]', `[${guidedGradient.shape}]`);
  if (gradCamMap.rank !== 3 || gradCamMap.shape[0] !== guidedGradient.shape[0]) {
    throw badArgument('guidedGradCam', 'gradCamMap', `a tensor [${guidedGradient.shape[0]}, h, w]`, `[${gradCamMap.shape}]`);
  }
  const [, height, width] = guidedGradient.shape;
  return tf.tidy(() => guidedGradient.mul(upsampleMaps(gradCamMap, [height, width]).expandDims(3)) as tf.Tensor4D);
}
