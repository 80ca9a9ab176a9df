/**
 * Colour jitter on a whole batch on the engine's backend: brightness, then
 * contrast, then saturation, each image with its own factors and each step
 * clipped to [0, 1], the same formulas as the single-image transforms
 * (photometric/brightness.ts, contrast.ts, saturation.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';

export interface ColourFactors {
  brightness: number;
  contrast: number;
  saturation: number;
}

/** ITU-R 601 weights, as photometric/pixels.ts luma. */
const LUMA = [0.299, 0.587, 0.114];

/** images [B, H, W, 3] in [0, 1], jittered by factors[b] each; the caller owns the result. */
export function colourBatch(images: tf.Tensor4D, factors: readonly ColourFactors[]): tf.Tensor4D {
  const n = images.shape[0];
  if (factors.length !== n) throw badArgument('colourBatch', 'factors', `${n} sets of factors, one per image`, factors.length);
  return tf.tidy(() => {
    const column = (key: keyof ColourFactors) => tf.tensor4d(factors.map((f) => f[key]), [n, 1, 1, 1]);
    const luma = tf.tensor1d(LUMA);
    const grey = (x: tf.Tensor4D) => tf.sum(tf.mul(x, luma), -1, true);
    const blend = (x: tf.Tensor4D, f: tf.Tensor4D, other: tf.Tensor) => tf.clipByValue(tf.add(tf.mul(f, x), tf.mul(tf.sub(1, f), other)), 0, 1) as tf.Tensor4D;
    const bright = tf.clipByValue(tf.mul(images, column('brightness')), 0, 1) as tf.Tensor4D;
    const contrasted = blend(bright, column('contrast'), tf.mean(grey(bright), [1, 2, 3], true));
    return blend(contrasted, column('saturation'), grey(contrasted));
  });
}
