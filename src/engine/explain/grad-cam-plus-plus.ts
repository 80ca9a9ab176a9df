import * as tf from '@tensorflow/tfjs-core';
import { camFromWeights, checkActivations, checkSameShape, type CamMethod } from './cam-base.ts';

/**
 * Grad-CAM++ channel weights (Chattopadhay et al. 2018) from first-order
 * gradients only. Pixel weights, eq. 19:
 *   a_ij^kc = g_ij^2 / (2 g_ij^2 + sum_ab A^k_ab g_ij^3),   g = dS^c / dA^k,
 * and channel weights (the general a_ij uses second and third derivatives, eq. 10):
 *   beta_k^c = sum_ij a_ij^kc ReLU(dY^c / dA^k_ij)
 * (the lesson writes beta, keeping w_k^c for CAM's class weights).
 *
 * Assumption (the derivation that leads to eq. 19): the score is passed through an
 * exponential, Y^c = exp(S^c), with S^c the logit, and S^c is piecewise linear
 * in A (ReLU network), so its higher derivatives vanish and the second and
 * third derivatives of Y^c are powers of the first: d2Y = exp(S) g^2,
 * d3Y = exp(S) g^3. The common factor exp(S) > 0 cancels in a_ij and only
 * rescales w, which `normalizeMap` undoes, so the weights use g directly (as
 * pytorch-grad-cam does). Where the denominator is 0 (g = 0), a_ij = 0.
 *
 * @equation grad-cam-plus-plus-weights
 * @param activations A, [n, h, w, k]
 * @param gradients g = dS^c / dA, [n, h, w, k]
 * @returns beta, [n, k]; the caller owns it
 */
export function gradCamPlusPlusWeights(activations: tf.Tensor4D, gradients: tf.Tensor4D): tf.Tensor2D {
  checkActivations('gradCamPlusPlusWeights', activations);
  checkSameShape('gradCamPlusPlusWeights', activations, gradients, 'gradients');
  return tf.tidy(() => {
    const g2 = gradients.square();
    const g3 = g2.mul(gradients);
    const sumA = activations.sum([1, 2], true); // [n, 1, 1, k]: sum_ab A^k_ab
    const denominator = g2.mul(2).add(sumA.mul(g3));
    const nonzero = denominator.notEqual(0);
    const alpha = tf.where(nonzero, g2.div(tf.where(nonzero, denominator, tf.onesLike(denominator))), tf.zerosLike(g2));
    return alpha.mul(tf.relu(gradients)).sum([1, 2]) as tf.Tensor2D;
  });
}

/**
 * The Grad-CAM++ map, ReLU(sum_k beta_k^c A^k) (Chattopadhay et al. 2018,
 * with the weights above), unscaled, with the weights.
 *
 * @returns map [n, h, w] and weights [n, k]; the caller owns both
 */
export function gradCamPlusPlus(activations: tf.Tensor4D, gradients: tf.Tensor4D): { map: tf.Tensor3D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const weights = gradCamPlusPlusWeights(activations, gradients);
    return { map: camFromWeights(activations, weights), weights };
  });
}

export const gradCamPlusPlusMethod: CamMethod = {
  id: 'grad-cam-plus-plus',
  label: 'Grad-CAM++',
  channelWeights: ({ activations, gradients }) => gradCamPlusPlusWeights(activations, gradients),
};
