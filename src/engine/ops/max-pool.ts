import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

export interface PoolOptions {
  /** Window side k. */
  size: number;
  /** Step s between windows. */
  stride: number;
}

/**
 * Max pooling over k x k windows without padding: each output keeps the largest
 * value of its window.
 *
 * @equation max-pool
 * M[i, j] = max_{0 <= u, v < k} Y[s i + u, s j + v] (Goodfellow et al. 2016, sec. 9.3).
 * @param y feature map Y, shape [H, W]
 * @returns M, shape [floor((H - k) / s) + 1, floor((W - k) / s) + 1]; the caller owns it
 */
export function maxPool(y: tf.Tensor2D, { size, stride }: PoolOptions): tf.Tensor2D {
  if (!Number.isInteger(size) || size < 1) throw badArgument('maxPool', 'size', 'an integer >= 1', size);
  if (!Number.isInteger(stride) || stride < 1) throw badArgument('maxPool', 'stride', 'an integer >= 1', stride);
  const [h, w] = y.shape;
  if (h < size || w < size) throw badArgument('maxPool', 'y', `a map of at least ${size} x ${size}`, `${h} x ${w}`);
  return tf.tidy(() => {
    const pooled = tf.maxPool(y.expandDims(-1) as tf.Tensor3D, size, stride, 'valid');
    return pooled.squeeze([2]) as tf.Tensor2D;
  });
}
