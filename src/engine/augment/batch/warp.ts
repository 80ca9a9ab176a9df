/**
 * Geometric transforms applied to a whole batch on the engine's backend, so
 * training can augment each batch where it trains: one matrix per image,
 * resampled by TensorFlow.js's projective transform. Its coordinates are
 * pixel indices (centres at whole numbers) and it maps output to input, so
 * each matrix is inverted and shifted by half a pixel on both sides.
 *
 * On the cpu backend the images go through the kernel one at a time: its
 * Transform kernel in TensorFlow.js 4.22 returns after the first image of a
 * batch and leaves the others filled with the fill value. Elsewhere the batch
 * goes in one call (on wasm, splitting a batch of 64 into images and joining
 * them again costs far more than the warp itself).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rendering } from '../geometric.ts';
import { compose, invert, translation, type Matrix } from '../matrix.ts';

const FILL_MODES = { constant: 'constant', edge: 'nearest', reflect: 'reflect' } as const;

/** The 8 numbers tf.image.transform takes for m: output pixel index -> input pixel index. */
export function projectiveRow(m: Matrix): number[] {
  const k = compose(translation(0.5, 0.5), invert(m), translation(-0.5, -0.5));
  return k.slice(0, 8).map((v) => v / k[8]);
}

/** images [B, size, size, 3] moved by matrices[b] each, with one rendering for the batch; the caller owns the result. */
export function warpBatch(images: tf.Tensor4D, matrices: Matrix[], rendering: Rendering): tf.Tensor4D {
  if (matrices.length !== images.shape[0]) throw new Error(`warpBatch(matrices): expected ${images.shape[0]} matrices, one per image, got ${matrices.length}`);
  const { border } = rendering;
  const fill = border.kind === 'constant' ? border.value : 0;
  const warp = (batch: tf.Tensor4D, ms: Matrix[]) => tf.image.transform(batch, tf.tensor2d(ms.map(projectiveRow)), rendering.interpolation, FILL_MODES[border.kind], fill);
  return tf.tidy(() => {
    if (tf.getBackend() !== 'cpu') return warp(images, matrices);
    return tf.concat(tf.unstack(images).map((image, b) => warp(image.expandDims(0) as tf.Tensor4D, [matrices[b]!]))) as tf.Tensor4D;
  });
}
