import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';

/** How the threshold is given: as a fraction tau of the map's maximum, or as the activation value t itself. */
export type ThresholdMode = 'relative' | 'absolute';

/**
 * The pixels where one channel fires (Zeiler & Fergus 2014; Bau et al. 2017
 * threshold a unit's upsampled map the same way). With Â^k the channel's map
 * resized to the image:
 *   M^k(p) = 1 if Â^k(p) > t, else 0,   t = tau * max_q Â^k(q)  ('relative')  or  t = tau  ('absolute').
 *
 * @equation activation-mask
 * @param upsampled Â^k, [H, W]
 * @param tau tau in [0, 1] for 'relative'; any finite t for 'absolute'
 * @returns the mask [H, W] of 0 and 1 and the threshold t (a scalar); the caller owns both
 */
export function thresholdMask(upsampled: tf.Tensor2D, tau: number, mode: ThresholdMode): { mask: tf.Tensor2D; threshold: tf.Scalar } {
  if (upsampled.rank !== 2) throw badArgument('thresholdMask', 'upsampled', 'a map [H, W]', `[${upsampled.shape}]`);
  if (mode !== 'relative' && mode !== 'absolute') throw badArgument('thresholdMask', 'mode', "'relative' or 'absolute'", mode);
  if (!Number.isFinite(tau) || (mode === 'relative' && (tau < 0 || tau > 1))) {
    throw badArgument('thresholdMask', 'tau', mode === 'relative' ? 'a fraction in [0, 1]' : 'a finite number', tau);
  }
  return tf.tidy(() => {
    const threshold = (mode === 'relative' ? upsampled.max().mul(tau) : tf.scalar(tau)) as tf.Scalar;
    return { mask: upsampled.greater(threshold).toFloat() as tf.Tensor2D, threshold };
  });
}

/**
 * The share of a mask that lies on the object: with the scene's exact object
 * mask O,
 *   f = sum_p M(p) O(p) / sum_p M(p),
 * and 0 for an empty mask. Compare it with the object's share of the image,
 * sum_p O(p) / (H W): a channel that ignores where the object is lands near that.
 *
 * @equation mask-on-object
 * @param mask M, [H, W] of 0 and 1
 * @param object O, [H, W] of 0 and 1
 * @returns f, a scalar; the caller owns it
 */
export function objectFraction(mask: tf.Tensor2D, object: tf.Tensor2D): tf.Scalar {
  if (mask.rank !== 2 || object.rank !== 2 || mask.shape[0] !== object.shape[0] || mask.shape[1] !== object.shape[1]) {
    throw badArgument('objectFraction', 'object', `a mask of the same shape as M [${mask.shape}]`, `[${object.shape}]`);
  }
  return tf.tidy(() => mask.mul(object).sum().div(mask.sum().maximum(1)) as tf.Scalar);
}

/**
 * The image with the mask's pixels kept and the rest dimmed:
 * out = x (M + delta (1 - M)), as RGBA bytes [H, W, 4]; the caller owns it.
 */
export function maskedImage(image: tf.Tensor3D, mask: tf.Tensor2D, delta = 0.25): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w] = mask.shape;
    const keep = mask.add(tf.scalar(1).sub(mask).mul(delta)).expandDims(2);
    return tf.concat([image.mul(keep).mul(255).round().clipByValue(0, 255), tf.fill([h, w, 1], 255)], 2).toInt() as tf.Tensor3D;
  });
}
