/**
 * A batch op applied on the engine's backend, in the order the single-image
 * path takes: crop and flip as one matrix per image, colour, erasing, then
 * mixing across the batch. Deterministic: the op holds every random choice.
 */
import * as tf from '@tensorflow/tfjs-core';
import { cutoutRegion } from '../erasing/cutout.ts';
import { hiddenRegion } from '../erasing/hide-and-seek.ts';
import { DEFAULT_RENDERING } from '../geometric.ts';
import { horizontalFlip } from '../geometric/flip.ts';
import { resizedCrop } from '../geometric/resized-crop.ts';
import { compose, IDENTITY } from '../matrix.ts';
import { colourBatch } from './colour.ts';
import { eraseBatch } from './erase.ts';
import { mixBatch } from './mix.ts';
import type { BatchOp, ImageOps } from './policy.ts';
import { warpBatch } from './warp.ts';

/**
 * images [B, S, S, 3] in [0, 1] and labels [B, C] augmented by op; the
 * caller owns both results (the inputs stay the caller's).
 */
export function applyBatchOp(op: BatchOp, images: tf.Tensor4D, labels: tf.Tensor2D): { images: tf.Tensor4D; labels: tf.Tensor2D } {
  const size = images.shape[1];
  const all = (key: keyof ImageOps) => op.images.every((ops) => ops[key] !== undefined);
  return tf.tidy(() => {
    let x = images;
    if (all('crop') || all('flip')) {
      const matrix = ({ crop, flip }: ImageOps) => compose(crop ? resizedCrop.matrix(crop, size) : IDENTITY, flip ? horizontalFlip.matrix(flip, size) : IDENTITY);
      x = warpBatch(x, op.images.map(matrix), op.images[0]!.crop ?? op.images[0]!.flip ?? DEFAULT_RENDERING);
    }
    if (all('colour')) x = colourBatch(x, op.images.map((ops) => ops.colour!));
    if (all('cutout')) x = eraseBatch(x, op.images.map((ops) => cutoutRegion(ops.cutout!, size)), op.images[0]!.cutout!.fill);
    if (all('hideAndSeek')) x = eraseBatch(x, op.images.map((ops) => hiddenRegion(ops.hideAndSeek!, size)), op.images[0]!.hideAndSeek!.fill);
    if (!op.mix) return { images: x === images ? x.clone() : x, labels: labels.clone() };
    return mixBatch(x, labels, op.mix);
  });
}
