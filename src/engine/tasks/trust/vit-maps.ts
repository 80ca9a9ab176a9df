import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { HeadFusion } from '../../explain/attention-rollout.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { gradCam } from '../../explain/grad-cam.ts';
import { upsampleMaps } from '../../explain/upsample.ts';
import { tokenGradients } from '../../probe/attention.ts';
import { tokenGrid } from '../../probe/token-grid.ts';
import { attentionView, gradientRolloutOf } from '../attention.ts';

/** The ViT's maps the trust measures can score beside the CNN's (a ViT built by buildVit explains itself with them). */
export const VIT_METHODS = [
  { id: 'rollout', label: 'Attention rollout' },
  { id: 'gradient-rollout', label: 'Gradient-weighted rollout' },
  { id: 'token-grad-cam', label: 'Grad-CAM on tokens' },
] as const;

export type VitMethod = (typeof VIT_METHODS)[number]['id'];

export const isVitMethod = (method: string): method is VitMethod => VIT_METHODS.some(({ id }) => id === method);

/** Rollout as the tables score it: Abnar & Zuidema's mean over heads, nothing discarded. */
export const TABLE_ROLLOUT: { fusion: HeadFusion; discard: number } = { fusion: 'mean', discard: 0 };

/**
 * A ViT's map of one image as the CNN maps are scored, over the patch grid,
 * bilinearly resized to the image and scaled to [0, 1]: the CLS row of
 * (gradient-weighted) rollout, or Grad-CAM on the tokens entering the last
 * attention, laid on their grid as pytorch-grad-cam does.
 *
 * @param image [1, H, W, 3], kept by the caller
 * @returns [1, H, W]; the caller owns it
 */
export async function vitMap(model: tfl.LayersModel, image: tf.Tensor4D, classIndex: number, method: VitMethod): Promise<tf.Tensor3D> {
  const [, height, width] = image.shape;
  if (method === 'token-grad-cam') {
    return tf.tidy(() => {
      const { tokens, gradients } = tokenGradients(model, image, classIndex);
      return normalizeMap(upsampleMaps(gradCam(tokenGrid(tokens), tokenGrid(gradients)).map, [height, width]));
    });
  }
  const row =
    method === 'rollout'
      ? (await attentionView(model, image, TABLE_ROLLOUT.fusion, TABLE_ROLLOUT.discard)).rollout
      : await gradientRolloutOf(model, image, classIndex);
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
