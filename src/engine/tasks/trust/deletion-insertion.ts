import * as tf from '@tensorflow/tfjs-core';
import type { PointingResult } from '../../explain/metrics.ts';
import { classProbability } from '../../probe/class-probability.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import { curves, type CurveKind, type Curves } from './curves.ts';
import { explanationMaps, type TrustMethod } from './maps.ts';
import { objectOf, pointAt, sceneImage, sceneModel, type TrustScene } from './scene.ts';

export interface DeletionInsertionOptions {
  method: TrustMethod;
  /** Curve points after the start. */
  steps: number;
  seed: number;
  smoothSamples: number;
  /** The model to test (the course model unless a test swaps it). */
  model?: string;
  onProgress?: (kind: CurveKind, scores: Float32Array) => void;
}

export interface DeletionInsertionResult extends Curves {
  classIndex: number;
  /** The map over the image, RGBA bytes [size, size, 4]. */
  overlay: Uint8ClampedArray;
  pointing: PointingResult;
  /** p(c | x) of the untouched image. */
  probability: number;
}

/**
 * The deletion / insertion figure: one method's map for one object of a
 * scene, the pointing game against the object's mask, and both curves with
 * their areas, computed progressively.
 */
export async function deletionInsertion(
  scene: TrustScene,
  objectIndex: number,
  options: DeletionInsertionOptions,
  signal?: AbortSignal,
): Promise<DeletionInsertionResult> {
  const { classIndex, mask } = objectOf(scene, objectIndex, 'deletionInsertion');
  const model = await sceneModel(options.model);
  const image = sceneImage(scene);
  const batch = image.expandDims(0) as tf.Tensor4D;
  let maps: tf.Tensor3D | undefined;
  let map: tf.Tensor2D | undefined;
  try {
    maps = await explanationMaps(model, batch, [classIndex], options.method, { seed: options.seed, smoothSamples: options.smoothSamples, sigma: 0.15, signal });
    map = maps.squeeze([0]) as tf.Tensor2D;
    const overlay = overlayHeatmap(image, map);
    const clean = classProbability(model, batch, classIndex);
    const [rgba, probability, pointing] = await Promise.all([overlay.data(), clean.data(), pointAt(map, mask)]);
    tf.dispose([overlay, clean]);
    const result = await curves(model, image, classIndex, map, { steps: options.steps, batchSize: 4, signal, onProgress: options.onProgress });
    return { ...result, classIndex, overlay: Uint8ClampedArray.from(rgba), pointing, probability: probability[0]! };
  } finally {
    tf.dispose([image, batch, ...(maps ? [maps] : []), ...(map ? [map] : [])]);
  }
}
