/** Erasing on a whole batch on the engine's backend: each image's covered pixels set to one grey level. */
import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';

/** images [B, S, S, 3] with covered[b] (S*S, 1 = hidden) filled with `fill`; the caller owns the result. */
export function eraseBatch(images: tf.Tensor4D, covered: readonly Uint8Array[], fill: number): tf.Tensor4D {
  const [n, size] = images.shape;
  if (covered.length !== n) throw badArgument('eraseBatch', 'covered', `${n} regions, one per image`, covered.length);
  const flat = new Float32Array(n * size * size);
  covered.forEach((region, b) => flat.set(region, b * size * size));
  return tf.tidy(() => {
    const hidden = tf.tensor4d(flat, [n, size, size, 1]);
    return tf.add(tf.mul(images, tf.sub(1, hidden)), tf.mul(hidden, fill)) as tf.Tensor4D;
  });
}
