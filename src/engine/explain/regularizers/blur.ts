import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';
import type { Regularizer } from './regularizer.ts';

/**
 * Gaussian blur of the image every `every` steps (Yosinski et al. 2015,
 * "Understanding neural networks through deep visualization", section 3):
 * a cheap prior against high frequencies that the gradient keeps adding.
 * The blur runs on the steps t with (t + 1) mod every = 0, after the update.
 */
export function blurEvery(every: number, sigma = 0.5): Regularizer {
  if (!Number.isInteger(every) || every < 1) throw badArgument('blurEvery', 'every', 'an integer >= 1', every);
  if (!(sigma > 0)) throw badArgument('blurEvery', 'sigma', 'a number > 0', sigma);
  return {
    name: 'blur',
    project: (image, step) => ((step + 1) % every === 0 ? gaussianBlur(image, sigma) : null),
  };
}

/** Normalised 1-D Gaussian taps over [-ceil(2 sigma), ceil(2 sigma)]. */
export function gaussianKernel1d(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(2 * sigma));
  const taps = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let t = -radius; t <= radius; t++) sum += taps[t + radius] = Math.exp(-(t * t) / (2 * sigma * sigma));
  return taps.map((v) => v / sum);
}

/**
 * Separable Gaussian blur of each channel of [n, h, w, c], reflecting at the
 * borders so the edges do not darken; the caller owns the result.
 */
export function gaussianBlur(image: tf.Tensor4D, sigma: number): tf.Tensor4D {
  const taps = gaussianKernel1d(sigma);
  const radius = (taps.length - 1) / 2;
  const [, h, w, c] = image.shape;
  if (radius >= h || radius >= w) throw badArgument('gaussianBlur', 'sigma', `a kernel radius below ${Math.min(h, w)} px`, sigma);
  return tf.tidy(() => {
    const column = tf.tensor4d(taps, [taps.length, 1, 1, 1]).tile([1, 1, c, 1]) as tf.Tensor4D;
    const row = column.reshape([1, taps.length, c, 1]) as tf.Tensor4D;
    const padded = tf.mirrorPad(image, [[0, 0], [radius, radius], [radius, radius], [0, 0]], 'reflect');
    return tf.depthwiseConv2d(tf.depthwiseConv2d(padded, column, 1, 'valid'), row, 1, 'valid');
  });
}
