import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** The generator's images for `codes` ([n, latent] row-major), in inference mode (batch norm's running statistics): [n, size, size, 3] in [0, 1]. The caller disposes them. */
export function generate(generator: tfl.LayersModel, codes: Float32Array): tf.Tensor4D {
  const latent = generator.inputs[0]!.shape[1]!;
  return tf.tidy(() => generator.predict(tf.tensor2d(codes, [codes.length / latent, latent])) as tf.Tensor4D);
}

/**
 * Generated images at a classifier's input size (the course's CNNs and the
 * segmenter take 64 x 64): a bilinear resize with half-pixel centres, the
 * same resampling the explanation maps use.
 */
export const atInputSize = (images: tf.Tensor4D, size: number): tf.Tensor4D => tf.tidy(() => tf.image.resizeBilinear(images, [size, size], false, true));
