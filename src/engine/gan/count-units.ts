import * as tf from '@tensorflow/tfjs-core';
import type { UnitCounts } from './unit-iou.ts';

/**
 * Adds one batch to the dissection counts, on the backend: the units'
 * activations `acts` [n, h, w, units] upsampled bilinearly (half-pixel
 * centres) to the label maps' side, compared with every unit's candidate
 * thresholds `thresholds` [units * J], and counted against the labels
 * [n, side, side] (ints in [0, counts.labels)) with one matrix product. One readback.
 */
export async function addUnitCounts(acts: tf.Tensor4D, labels: tf.Tensor3D, thresholds: Float32Array, counts: UnitCounts): Promise<void> {
  const { units, thresholds: J, labels: C } = counts;
  const [n, side] = labels.shape;
  const read = tf.tidy(() => {
    const up = tf.image.resizeBilinear(acts, [side, side], false, true).reshape([n * side * side, units, 1]);
    const on = tf.cast(tf.greater(up, tf.tensor2d(thresholds, [units, J])), 'float32').reshape([n * side * side, units * J]);
    const label = tf.oneHot(tf.cast(labels.reshape([-1]), 'int32'), C).toFloat();
    return tf.concat([tf.matMul(on, label, true, false).reshape([-1]), on.sum(0), label.sum(0)]);
  });
  const values = await read.data();
  read.dispose();
  const both = values.subarray(0, units * J * C);
  const on = values.subarray(units * J * C, units * J * (C + 1));
  const labelled = values.subarray(units * J * (C + 1));
  both.forEach((v, i) => (counts.both[i]! += v));
  on.forEach((v, i) => (counts.on[i]! += v));
  labelled.forEach((v, i) => (counts.labelled[i]! += v));
  counts.pixels += n * side * side;
}
