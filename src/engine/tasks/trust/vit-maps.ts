import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { HeadFusion } from '../../explain/attention-rollout.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { upsampleMaps } from '../../explain/upsample.ts';
import { attentionView, gradientRolloutOf } from '../attention.ts';

/** The ViT's maps the trust measures can score beside the CNN's (a ViT built by buildVit explains itself with them). */
export const VIT_METHODS = [
  { id: 'rollout', label: 'Attention rollout' },
  { id: 'gradient-rollout', label: 'Gradient-weighted rollout' },
] as const;

export type VitMethod = (typeof VIT_METHODS)[number]['id'];

export const isVitMethod = (method: string): method is VitMethod => VIT_METHODS.some(({ id }) => id === method);

/** Rollout as the tables score it: Abnar & Zuidema's mean over heads, nothing discarded. */
export const TABLE_ROLLOUT: { fusion: HeadFusion; discard: number } = { fusion: 'mean', discard: 0 };

/**
 * A ViT's map of one image as the CNN maps are scored: the CLS row of
 * (gradient-weighted) rollout over the patch grid, bilinearly resized to the
 * image, as pytorch-grad-cam turns tokens into a grid, and scaled to [0, 1].
 *
 * @param image [1, H, W, 3], kept by the caller
 * @returns [1, H, W]; the caller owns it
 */
export async function vitMap(model: tfl.LayersModel, image: tf.Tensor4D, classIndex: number, method: VitMethod): Promise<tf.Tensor3D> {
  const row =
    method === 'rollout'
      ? (await attentionView(model, image, TABLE_ROLLOUT.fusion, TABLE_ROLLOUT.discard)).rollout
      : await gradientRolloutOf(model, image, classIndex);
  const [, height, width] = image.shape;
  return patchMap(row, [height, width]);
}

/**
 * A map over the patch grid (grid * grid values, row-major) as a map over the
 * image: bilinearly resized, then scaled to [0, 1].
 *
 * @returns [1, H, W]; the caller owns it
 */
export function patchMap(row: ArrayLike<number>, size: readonly [number, number]): tf.Tensor3D {
  const grid = Math.round(Math.sqrt(row.length));
  return tf.tidy(() => normalizeMap(upsampleMaps(tf.tensor3d(Float32Array.from(row), [1, grid, grid]), size)));
}
