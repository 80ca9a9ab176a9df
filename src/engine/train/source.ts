/** Where training batches come from: the interface, and the Glassbox Objects stream that the browser can train on too. */
import * as tf from '@tensorflow/tfjs-core';
import type { ObjectAtlas } from '../data/atlas.ts';
import { sceneBatch, type SceneOptions } from '../data/objects.ts';
import { segmentationBatch } from '../data/segmentation.ts';
import { BACKGROUND, type SegmenterSpec } from './segmenter-spec.ts';
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
   * backend: images [n, h, w, c] and label weights [n, classes], soft when
   * mixed (augmentation), or [n, h, w, classes], one per pixel
   * (segmentation); the caller disposes both. Without it the session trains
   * on `batch` with one-hot labels.
   */
  tensors?(epoch: number, step: number): { x: tf.Tensor4D; y: tf.Tensor2D | tf.Tensor4D };
}

/**
 * Fresh scenes of spec.objects objects each for segmentation, from the stream
 * trainSeed(spec.seed) (as objectsSource), labelled pixel by pixel: the class
 * on each pixel one-hot over the classes and the background, [n, h, w, classes].
 */
export function segmentationSource(atlas: ObjectAtlas, spec: SegmenterSpec): DataSource {
  const seed = trainSeed(spec.seed);
  const make = (epoch: number, step: number) => segmentationBatch(atlas, seed, epoch * spec.samplesPerEpoch + step * spec.batchSize, spec.batchSize, spec.objects, BACKGROUND);
  return {
    stepsPerEpoch: Math.floor(spec.samplesPerEpoch / spec.batchSize),
    batch: (epoch, step) => {
      const { x, labels, n } = make(epoch, step);
      return { x, y: labels, n };
    },
    tensors: (epoch, step) => {
      const { x, labels, n } = make(epoch, step);
      const [h, w, c] = spec.inputShape;
      return {
        x: tf.tensor4d(x, [n, h, w, c]),
        y: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), spec.classes).reshape([n, h, w, spec.classes]) as tf.Tensor4D),
      };
    },
  };
}

/**
 * Fresh single-object scenes (training styles) from the stream
 * trainSeed(spec.seed): step s of epoch e is scenes
 * e * samplesPerEpoch + s * batchSize onwards, so no scene repeats across epochs.
 */
export function objectsSource(atlas: ObjectAtlas, spec: Pick<ModelSpec, 'seed' | 'samplesPerEpoch' | 'batchSize'>, options: SceneOptions = {}): DataSource {
  const seed = trainSeed(spec.seed);
  return {
    stepsPerEpoch: Math.floor(spec.samplesPerEpoch / spec.batchSize),
    batch: (epoch, step) => sceneBatch(atlas, seed, epoch * spec.samplesPerEpoch + step * spec.batchSize, spec.batchSize, options),
  };
}
