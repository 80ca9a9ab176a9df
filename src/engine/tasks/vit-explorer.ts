import * as tf from '@tensorflow/tfjs-core';
import type { HeadFusion } from '../explain/attention-rollout.ts';
import { pointingOn, type PointingResult } from '../explain/metrics.ts';
import { POINTING_TOLERANCE } from '../shared/pointing-tolerance.ts';
import { overlayHeatmap } from '../tensor/heatmap.ts';
import { patchOverlay } from '../tensor/patch-overlay.ts';
import { attentionAndGradients, VIT_MODEL, type AttentionView } from './attention.ts';
import { badArgument } from '../shared/errors.ts';
import { checkClass, imageTensor, resolveModel, type ModelSource } from './scene-input.ts';
import { explanationMaps } from './trust/maps.ts';
import { TRUST_MODEL } from './trust/scene.ts';
import { patchMap } from './trust/vit-maps.ts';

/** One map of the comparison, over the image: its overlay and its pointing game on the object's exact mask. */
export interface ComparedMap {
  method: 'rollout' | 'gradient-rollout' | 'grad-cam';
  /** RGBA bytes, size x size: the map (bilinearly resized, scaled to [0, 1]) over the image. */
  overlay: Uint8ClampedArray;
  pointing: PointingResult;
}

export interface VitExplorerView extends AttentionView {
  /** Each head's CLS attention over the image, layer by layer ([layers * heads] RGBA tiles, size x size), each scaled to its own largest weight. */
  headTiles: Uint8ClampedArray[];
  /** The CLS row of the gradient-weighted rollout for the class, [grid * grid]. */
  gradientRollout: Float64Array;
  /** Rollout, gradient-weighted rollout and the CNN's Grad-CAM, in that order. */
  maps: ComparedMap[];
}

/**
 * The attention lesson's explorer on one scene: the ViT's attention per layer
 * and head and its rollout (fusion, discard), its gradient-weighted rollout for
 * the class, and the course CNN's Grad-CAM for the same class, each map
 * scored by the pointing game on the object's mask (within the course's
 * tolerance). Two readbacks: the attention with its gradients, the maps.
 *
 * @param image size * size * 3 floats in [0, 1]; mask size * size, 1 on the object
 */
export async function vitExplorer(
  image: Float32Array,
  mask: Uint8Array,
  classIndex: number,
  fusion: HeadFusion,
  discard: number,
  vitSource: ModelSource = VIT_MODEL,
  cnnSource: ModelSource = TRUST_MODEL,
): Promise<VitExplorerView> {
  const side = Math.round(Math.sqrt(image.length / 3));
  if (mask.length !== side * side) throw badArgument('vitExplorer', 'mask', `${side * side} pixels, one per pixel of the image`, mask.length);
  const [vit, cnn] = await Promise.all([resolveModel(vitSource), resolveModel(cnnSource)]);
  checkClass('vitExplorer', vit, classIndex);
  const x = tf.tidy(() => imageTensor(image, 'vitExplorer').expandDims(0) as tf.Tensor4D);
  const size = x.shape[1];
  const held: tf.Tensor[] = [x];
  try {
    const { view, gradientRollout } = await attentionAndGradients(vit, x, classIndex, fusion, discard);
    const cam = await explanationMaps(cnn, x, [classIndex], 'grad-cam', { seed: 1, smoothSamples: 1, sigma: 0 });
    held.push(cam);
    const stacked = tf.tidy(() => tf.concat([patchMap(view.rollout, [size, size]), patchMap(gradientRollout, [size, size]), cam]));
    held.push(stacked);
    const values = await stacked.data<'float32'>();
    const maps = (['rollout', 'gradient-rollout', 'grad-cam'] as const).map((method, i) => {
      const map = values.subarray(i * size * size, (i + 1) * size * size);
      return { method, overlay: overlayHeatmap(image, map), pointing: pointingOn(map, mask, size, POINTING_TOLERANCE) };
    });
    const tokens = view.grid * view.grid;
    const headTiles = Array.from({ length: view.layers * view.heads }, (_, m) => patchOverlay(image, view.cls.subarray(m * tokens, (m + 1) * tokens), size));
    return { ...view, gradientRollout, maps, headTiles };
  } finally {
    tf.dispose(held);
  }
}
