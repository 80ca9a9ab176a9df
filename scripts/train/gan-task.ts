/** objects-gan's figures: what objects-cnn makes of its samples. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { atInputSize, generate } from '../../src/engine/gan/generate.ts';
import { latentCodes } from '../../src/engine/gan/latent.ts';
import { OBJECT_CLASSES } from '../../src/engine/shared/classes.ts';
import { OBJECTS_SPLITS } from '../../src/engine/shared/splits.ts';
import { RECOGNISED } from '../../src/engine/shared/gan-figures.ts';
import type { GanSpec } from '../../src/engine/train/gan-spec.ts';
import { round4 } from './task.ts';

/** The generator's samples of codes start..start+n-1 of the measured stream, [n, size, size, 3]; the caller disposes them. */
export const measuredSamples = (generator: tfl.LayersModel, spec: GanSpec, start: number, n: number): tf.Tensor4D =>
  generate(generator, latentCodes(OBJECTS_SPLITS.ganCodes.seed, start, n, spec.latent));

/** objects-cnn's probabilities for images [n, s, s, 3] resized to its input, [n, 10] row-major. */
export async function classify(classifier: tfl.LayersModel, images: tf.Tensor4D): Promise<Float32Array> {
  const probabilities = tf.tidy(() => classifier.predict(atInputSize(images, classifier.inputs[0]!.shape[1]!)) as tf.Tensor2D);
  const values = await probabilities.data();
  probabilities.dispose();
  return values as Float32Array;
}

/** The share of samples whose top class has probability >= RECOGNISED, and how many of those each class has. */
export function recognised(probabilities: Float32Array): { share: number; byClass: Record<string, number> } {
  const classes = OBJECT_CLASSES.length;
  const n = probabilities.length / classes;
  const byClass: Record<string, number> = Object.fromEntries(OBJECT_CLASSES.map((c) => [c, 0]));
  let confident = 0;
  for (let i = 0; i < n; i++) {
    const row = probabilities.subarray(i * classes, (i + 1) * classes);
    const top = row.indexOf(Math.max(...row));
    if (row[top]! >= RECOGNISED) {
      confident++;
      byClass[OBJECT_CLASSES[top]!]!++;
    }
  }
  return { share: round4(confident / n), byClass };
}

/** objects-cnn's pooled features (its global-average-pooling layer) of images [n, s, s, 3] resized to its input: [n, d] row-major. */
export async function pooledFeatures(classifier: tfl.LayersModel, images: tf.Tensor4D): Promise<{ rows: Float32Array; d: number }> {
  const pool = classifier.layers.find((l) => l.getClassName() === 'GlobalAveragePooling2D')!;
  const upTo = tfl.model({ inputs: classifier.inputs, outputs: pool.output as tfl.SymbolicTensor });
  const features = tf.tidy(() => upTo.predict(atInputSize(images, classifier.inputs[0]!.shape[1]!)) as tf.Tensor2D);
  const rows = (await features.data()) as Float32Array;
  features.dispose();
  return { rows, d: features.shape[1] };
}
