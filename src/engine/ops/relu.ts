import * as tf from '@tensorflow/tfjs-core';

/**
 * Rectified linear unit, element by element.
 *
 * @equation relu
 * ReLU(z) = max(0, z) (Nair & Hinton 2010, eq. 3 in its rectified form).
 * @param z any shape
 * @returns same shape as z; the caller owns it
 */
export function relu<T extends tf.Tensor>(z: T): T {
  return tf.relu(z);
}
