import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * Maximally activating patches (Zeiler & Fergus 2014): for channel c, each
 * image's strongest unit m_n = max_uv A_n[u, v, c] and where it is; the k
 * images with the largest m_n are the channel's top patches (crop each at the
 * unit's receptive field to see it).
 */
export function topPatches(
  features: Features,
  images: tf.Tensor4D,
  c: number,
  k: number,
): { images: tf.Tensor1D; rows: tf.Tensor1D; cols: tf.Tensor1D; values: tf.Tensor1D } {
  return tf.tidy(() => {
    const maps = features(images).gather([c], 3).squeeze([3]); // A_n[u, v, c]: [n, u, v]
    const [n, , w] = maps.shape;
    const flat = maps.reshape([n, -1]);
    const { values, indices } = tf.topk(flat.max(1), k); // the k images with the largest m_n
    const where = flat.argMax(1).gather(indices); // each one's strongest unit, row-major
    return { images: indices as tf.Tensor1D, rows: where.floorDiv(w) as tf.Tensor1D, cols: where.mod(w) as tf.Tensor1D, values: values as tf.Tensor1D };
  });
}
