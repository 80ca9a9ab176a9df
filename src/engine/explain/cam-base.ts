import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

/**
 * The one skeleton of the CAM family (after pytorch-grad-cam's BaseCAM): every
 * method only chooses channel weights w_k; the map is always
 *   L = ReLU(sum_k w_k A^k).
 * The ReLU keeps the features that raise the class score (Selvaraju et al.
 * 2017, eq. 2); CAM's map (Zhou et al. 2016) is used the same way. Scaling is
 * `normalizeMap`; colour is not the engine's business here.
 *
 * Equation id (to bind): cam-weighted-sum.
 * @param activations A, [n, h, w, k]
 * @param weights w, [n, k] (one weight per channel per image)
 * @returns L, [n, h, w], unscaled; the caller owns it
 */
export function camFromWeights(activations: tf.Tensor4D, weights: tf.Tensor2D): tf.Tensor3D {
  checkActivations('camFromWeights', activations);
  const [n, h, w, k] = activations.shape;
  if (weights.rank !== 2 || weights.shape[0] !== n || weights.shape[1] !== k) {
    throw badArgument('camFromWeights', 'weights', `shape [${n}, ${k}] to match activations`, `[${weights.shape}]`);
  }
  return tf.tidy(() => {
    // [n, h*w, k] x [n, k, 1] -> [n, h*w, 1]: one weighted sum over channels per pixel.
    const flat = activations.reshape([n, h * w, k]) as tf.Tensor3D;
    const sum = tf.matMul(flat, weights.reshape([n, k, 1]) as tf.Tensor3D);
    return tf.relu(sum.reshape([n, h, w])) as tf.Tensor3D;
  });
}

/**
 * Min-max scaling of each map on its own to [0, 1]:
 *   M' = (M - min M) / (max M - min M).
 * A constant map (max = min, e.g. all zeros after the ReLU) becomes all zeros
 * instead of NaN, so "no evidence" shows as an empty heatmap.
 *
 * @param maps [n, ...]: the first axis indexes maps, the rest is one map
 * @returns same shape, values in [0, 1]; the caller owns it
 */
export function normalizeMap<T extends tf.Tensor>(maps: T): T {
  if (maps.rank < 2) throw badArgument('normalizeMap', 'maps', 'a batch of maps [n, ...] (rank >= 2)', `[${maps.shape}]`);
  return tf.tidy(() => {
    const axes = maps.shape.slice(1).map((_, i) => i + 1);
    const min = maps.min(axes, true);
    const range = maps.max(axes, true).sub(min);
    const safe = tf.where(range.greater(0), range, tf.onesLike(range));
    return maps.sub(min).div(safe).mul(range.greater(0).toFloat()) as T;
  });
}

/** Inputs every CAM-family method may draw on; each uses only what it needs. */
export interface CamInputs {
  /** A, [n, h, w, k], from `probe`. */
  activations: tf.Tensor4D;
  /** dy^c / dA, [n, h, w, k], from `probe`. */
  gradients: tf.Tensor4D;
  /** The GAP classifier's kernel [k, classes] (CAM only), from `classifierKernel`. */
  classifier?: tf.Tensor2D;
  /** c, one for all images or one per image (CAM only). */
  classIndex?: number | readonly number[];
}

/** A CAM-family method: a name and its channel weights. The skeleton does the rest. */
export interface CamMethod {
  id: string;
  label: string;
  /** w, [n, k]; the caller owns it. */
  channelWeights(inputs: CamInputs): tf.Tensor2D;
}

/**
 * Runs a method on the skeleton: its weights, the weighted sum, the ReLU, and
 * per-map scaling to [0, 1].
 *
 * @returns map [n, h, w] in [0, 1] and the weights [n, k]; the caller owns both
 */
export function runCam(method: CamMethod, inputs: CamInputs): { map: tf.Tensor3D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const weights = method.channelWeights(inputs);
    return { map: normalizeMap(camFromWeights(inputs.activations, weights)), weights };
  });
}

export function checkActivations(fn: string, activations: tf.Tensor, arg = 'activations'): void {
  if (activations.rank !== 4) throw badArgument(fn, arg, 'a tensor [n, h, w, k]', `[${activations.shape}]`, 'probe() returns this shape');
}

export function checkSameShape(fn: string, a: tf.Tensor, b: tf.Tensor, argB: string): void {
  if (a.shape.join() !== b.shape.join()) throw badArgument(fn, argB, `shape [${a.shape}]`, `[${b.shape}]`);
}
