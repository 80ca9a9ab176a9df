import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { atInputSize } from './generate.ts';

/**
 * The segmenter's label of every pixel of generated images [n, s, s, 3]:
 * the images resized to its input side, its probabilities averaged back
 * down to s x s (each generated pixel's block), the most probable label:
 * [n, s, s] int32.
 */
export function segmentLabels(segmenter: tfl.LayersModel, images: tf.Tensor4D): tf.Tensor3D {
  const side = segmenter.inputs[0]!.shape[1]!;
  const factor = side / images.shape[1];
  return tf.tidy(() => {
    const p = segmenter.predict(atInputSize(images, side)) as tf.Tensor4D;
    return (factor > 1 ? tf.avgPool(p, factor, factor, 'valid') : p).argMax(-1) as tf.Tensor3D;
  });
}

/** The share of each image's pixels the labels give class c: [n]. */
export const classShare = (labels: tf.Tensor3D, c: number): tf.Tensor1D => tf.tidy(() => tf.cast(tf.equal(labels, c), 'float32').mean([1, 2]) as tf.Tensor1D);
