import * as tf from '@tensorflow/tfjs-core';
import { camFromWeights, checkActivations, checkSameShape, type CamMethod } from './cam-base.ts';

/**
 * Grad-CAM neuron-importance weights (Selvaraju et al. 2017, eq. 1): the
 * gradient of the class score, global-average-pooled over each map,
 *   alpha_k^c = (1 / Z) sum_i sum_j dy^c / dA^k_ij,   Z = h w.
 *
 * @equation grad-cam-weights
 * @param gradients dy^c / dA, [n, h, w, k]
 * @returns alpha, [n, k]; the caller owns it
 */
export function gradCamWeights(gradients: tf.Tensor4D): tf.Tensor2D {
  checkActivations('gradCamWeights', gradients, 'gradients');
  return tf.tidy(() => gradients.mean([1, 2]) as tf.Tensor2D);
}

/**
 * The Grad-CAM map (Selvaraju et al. 2017, eq. 2):
 *   L^c = ReLU(sum_k alpha_k^c A^k),
 * unscaled, with the alphas a widget shows beside it.
 *
 * @equation grad-cam-map
 * @param activations A, [n, h, w, k]
 * @param gradients dy^c / dA, [n, h, w, k]
 * @returns map [n, h, w] and alphas [n, k]; the caller owns both
 */
export function gradCam(activations: tf.Tensor4D, gradients: tf.Tensor4D): { map: tf.Tensor3D; alphas: tf.Tensor2D } {
  checkActivations('gradCam', activations);
  checkSameShape('gradCam', activations, gradients, 'gradients');
  return tf.tidy(() => {
    const alphas = gradCamWeights(gradients);
    return { map: camFromWeights(activations, alphas), alphas };
  });
}

export const gradCamMethod: CamMethod = {
  id: 'grad-cam',
  label: 'Grad-CAM',
  channelWeights: ({ gradients }) => gradCamWeights(gradients),
};
