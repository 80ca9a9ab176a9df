/** Accuracy of a classifier, and a segmenter's overlap with the truth, over batches (no gradients, batched prediction). */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { addOverlap, type ClassOverlap } from '../explain/iou.ts';
import type { Batch } from './source.ts';

/** Predicted class of every image in `batch` (images in [n, ...shape] layout). */
export async function predictClasses(model: tfl.LayersModel, batch: Batch, shape: number[], chunk = 250): Promise<Int32Array> {
  const out = new Int32Array(batch.n);
  const per = shape.reduce((a, b) => a * b, 1);
  for (let s = 0; s < batch.n; s += chunk) {
    const n = Math.min(chunk, batch.n - s);
    const pred = tf.tidy(() => {
      const x = tf.tensor(batch.x.subarray(s * per, (s + n) * per), [n, ...shape]);
      return tf.argMax(model.predict(x) as tf.Tensor, -1);
    });
    out.set(await pred.data() as Int32Array, s);
    pred.dispose();
  }
  return out;
}

/** Fraction of `batch` classified correctly. */
export async function accuracy(model: tfl.LayersModel, batch: Batch, shape: number[]): Promise<number> {
  const pred = await predictClasses(model, batch, shape);
  let ok = 0;
  for (let i = 0; i < batch.n; i++) if (pred[i] === batch.y[i]) ok++;
  return ok / batch.n;
}

/**
 * A segmenter's overlap with the truth over a set of images: each pixel's
 * predicted label (the most probable class) against its label map, counted
 * per class (iou.ts), and the share of pixels labelled right.
 *
 * @param x images [n, ...shape]; labels [n, h, w] flat
 */
export async function segmentationOverlap(
  model: tfl.LayersModel,
  x: Float32Array,
  labels: Int32Array,
  shape: number[],
  classes: number,
  chunk = 100,
): Promise<{ overlap: ClassOverlap; pixelAccuracy: number }> {
  const per = shape.reduce((a, b) => a * b, 1);
  const pixels = shape[0]! * shape[1]!;
  const n = x.length / per;
  let overlap: ClassOverlap | undefined;
  let right = 0;
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    const pred = tf.tidy(() => tf.argMax(model.predict(tf.tensor(x.subarray(s * per, (s + m) * per), [m, ...shape])) as tf.Tensor, -1));
    const predicted = (await pred.data()) as Int32Array;
    pred.dispose();
    const truth = labels.subarray(s * pixels, (s + m) * pixels);
    overlap = addOverlap(predicted, truth, classes, overlap);
    for (let p = 0; p < truth.length; p++) if (predicted[p] === truth[p]) right++;
  }
  return { overlap: overlap!, pixelAccuracy: right / (n * pixels) };
}
