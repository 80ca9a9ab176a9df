import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

export interface ConvOptions {
  /** Step between neighbouring outputs, s >= 1. */
  stride: number;
  /** Rows and columns of zeros added on every side, p >= 0. */
  padding: number;
  /** Added to every output. */
  bias?: number;
}

/**
 * One-channel 2-D convolution as deep-learning frameworks compute it
 * (cross-correlation: the kernel is not flipped), with zero padding.
 *
 * @equation conv2d
 * Y[i, j] = b + sum_{u,v} K[u, v] X[s i + u - p, s j + v - p]
 * (Goodfellow, Bengio & Courville 2016, eq. 9.6; Dumoulin & Visin 2016 for s and p).
 * @param x image X, shape [H, W]
 * @param kernel K, k x k rows of numbers
 * @returns Y, shape [floor((H + 2p - k) / s) + 1, floor((W + 2p - k) / s) + 1]; the caller owns it
 */
export function conv2d(x: tf.Tensor2D, kernel: readonly (readonly number[])[], options: ConvOptions): tf.Tensor2D {
  const k = kernel.length;
  if (k === 0 || kernel.some((row) => row.length !== k)) {
    throw badArgument('conv2d', 'kernel', 'a square k x k array', kernel);
  }
  const { stride, padding, bias = 0 } = options;
  if (!Number.isInteger(stride) || stride < 1) throw badArgument('conv2d', 'stride', 'an integer >= 1', stride);
  if (!Number.isInteger(padding) || padding < 0) throw badArgument('conv2d', 'padding', 'an integer >= 0', padding);
  const [h, w] = x.shape;
  if (h + 2 * padding < k || w + 2 * padding < k) {
    throw badArgument('conv2d', 'x', `an image of at least ${k} x ${k} after padding`, `${h} x ${w}`);
  }
  return tf.tidy(() => {
    const padded = tf.pad(x, [[padding, padding], [padding, padding]]);
    const filter = tf.tensor4d(kernel.flat(), [k, k, 1, 1]);
    const y = tf.conv2d(padded.expandDims(-1) as tf.Tensor3D, filter, stride, 'valid');
    return y.squeeze([2]).add(bias) as tf.Tensor2D;
  });
}
