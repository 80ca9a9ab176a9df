/** Where training batches come from: the interface, and the Glassbox Objects stream that the browser can train on too. */
import type * as tf from '@tensorflow/tfjs-core';
import type { ObjectAtlas } from '../data/atlas.ts';
import { sceneBatch } from '../data/objects.ts';
import { trainSeed } from '../shared/splits.ts';
import type { ModelSpec } from './specs.ts';

/** A batch in model layout: x is [n, h, w, c] floats, y the integer labels. */
export interface Batch {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** Deterministic batches: the same (epoch, step) always gives the same batch. */
export interface DataSource {
  stepsPerEpoch: number;
  batch(epoch: number, step: number): Batch;
  /**
   * The batch as the model trains on it, when the source makes it on the
   * backend (augmentation): images [n, h, w, c] and label weights
   * [n, classes], soft when mixed; the caller disposes both. Without it the
   * session trains on `batch` with one-hot labels.
   */
  tensors?(epoch: number, step: number): { x: tf.Tensor4D; y: tf.Tensor2D };
}

/**
 * Fresh single-object scenes (training styles) from the stream
 * trainSeed(spec.seed): step s of epoch e is scenes
 * e * samplesPerEpoch + s * batchSize onwards, so no scene repeats across epochs.
 */
export function objectsSource(atlas: ObjectAtlas, spec: Pick<ModelSpec, 'seed' | 'samplesPerEpoch' | 'batchSize'>): DataSource {
  const seed = trainSeed(spec.seed);
  return {
    stepsPerEpoch: Math.floor(spec.samplesPerEpoch / spec.batchSize),
    batch: (epoch, step) => sceneBatch(atlas, seed, epoch * spec.samplesPerEpoch + step * spec.batchSize, spec.batchSize),
  };
}
