import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { curveAuc, deletionCurve, insertionCurve, pixelOrder, type CurveBatch } from '../../explain/metrics.ts';
import { classProbability } from '../../probe/class-probability.ts';
import { pace } from './pace.ts';

export type CurveKind = 'deletion' | 'insertion';

export interface CurveOptions {
  /** Curve points after the start: step k deletes (or reveals) round(k N / steps) of the N pixels. */
  steps: number;
  /** Images per forward pass: small enough that one pass stays well under 50 ms. */
  batchSize: number;
  signal?: AbortSignal;
  /** Called after each forward pass with the scores so far (NaN where not yet computed). */
  onProgress?: (kind: CurveKind, scores: Float32Array) => void;
}

export interface Curves {
  /** p(c | x) after deleting the top k/steps of the pixels, k = 0 .. steps. */
  deletion: Float32Array;
  /** p(c | x) after revealing the top k/steps of the pixels on the blurred image. */
  insertion: Float32Array;
  deletionAuc: number;
  insertionAuc: number;
}

/**
 * Insertion's starting canvas: the image blurred by two 7 x 7 box filters
 * (about a Gaussian with sigma 2.8 px), as Petsiuk et al. start insertion
 * from a blurred copy so that the object's shape is gone but its colours are not.
 *
 * @param image [H, W, C]
 * @returns [H, W, C]; the caller owns it
 */
export function blurredBaseline(image: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const once = tf.avgPool(image, 7, 1, 'same');
    return tf.avgPool(once, 7, 1, 'same') as tf.Tensor3D;
  });
}

/**
 * Deletion and insertion curves of one map for one image and class, in
 * forward passes of `batchSize` images with a pause after each: the page
 * stays responsive, progress is reported, and an aborted signal stops it.
 * Deletion fills removed pixels with 0 (black).
 *
 * @param image [H, W, 3]; map [H, W], the explanation to test
 */
export async function curves(model: tfl.LayersModel, image: tf.Tensor3D, classIndex: number, map: tf.Tensor2D, options: CurveOptions): Promise<Curves> {
  const order = await pixelOrder(map);
  const baseline = blurredBaseline(image);
  try {
    const shape = { steps: options.steps, batchSize: options.batchSize };
    const deletion = await follow(model, deletionCurve(image, order, { ...shape, fill: 0 }), classIndex, 'deletion', options);
    const insertion = await follow(model, insertionCurve(image, order, { ...shape, baseline }), classIndex, 'insertion', options);
    return { deletion, insertion, deletionAuc: curveAuc(deletion), insertionAuc: curveAuc(insertion) };
  } finally {
    baseline.dispose();
  }
}

async function follow(model: tfl.LayersModel, batches: Generator<CurveBatch>, classIndex: number, kind: CurveKind, options: CurveOptions): Promise<Float32Array> {
  const scores = new Float32Array(options.steps + 1).fill(NaN);
  for (const { images, start } of batches) {
    let probabilities: tf.Tensor1D;
    try {
      probabilities = classProbability(model, images, classIndex);
    } finally {
      images.dispose();
    }
    const values = await probabilities.data();
    probabilities.dispose();
    scores.set(values, start);
    options.onProgress?.(kind, scores);
    await pace(options.signal, 'curves');
  }
  return scores;
}
