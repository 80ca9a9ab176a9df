import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { atInputSize } from './generate.ts';

/** Cells of the layer's grid, [y0, x0, y1, x1) (y1, x1 exclusive). */
export type CellBox = readonly [number, number, number, number];

/**
 * An edit of a layer's units (Bau et al. 2019): `ablate` sets the units to 0
 * at every cell (a ReLU unit's "off"); `insert` sets them to `values` (one
 * per unit) inside `box` and leaves the rest of the map as it was.
 */
export type UnitEdit = { mode: 'ablate'; units: readonly number[] } | { mode: 'insert'; units: readonly number[]; values: readonly number[]; box: CellBox };

/**
 * The activations [n, h, w, units] with the edit applied; the caller disposes the result.
 *
 * @equation unit-edit
 */
export function editUnits(acts: tf.Tensor4D, edit: UnitEdit): tf.Tensor4D {
  const [, h, w, units] = acts.shape;
  const chosen = new Float32Array(units);
  for (const u of edit.units) chosen[u] = 1;
  if (edit.mode === 'ablate') return tf.tidy(() => acts.mul(tf.tensor1d(chosen.map((c) => 1 - c))) as tf.Tensor4D);
  const [y0, x0, y1, x1] = edit.box;
  const inside = new Float32Array(h * w);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) inside[y * w + x] = 1;
  const value = new Float32Array(units);
  edit.units.forEach((u, i) => (value[u] = edit.values[i]!));
  return tf.tidy(() => {
    // 1 where a chosen unit meets a cell of the box: there the value replaces the activation.
    const mask = tf.tensor3d(inside, [h, w, 1]).mul(tf.tensor1d(chosen));
    return acts.mul(tf.scalar(1).sub(mask)).add(mask.mul(tf.tensor1d(value))) as tf.Tensor4D;
  });
}

/**
 * The segmenter's label of every pixel of generated images [n, s, s, 3]:
 * the images resized to its input side, its probabilities averaged back
 * down to s x s (each generated pixel's block), the most probable label:
 * [n, s, s] int32.
 */
export function segmentLabels(segmenter: tfl.LayersModel, images: tf.Tensor4D): tf.Tensor3D {
  const side = segmenter.inputs[0]!.shape[1]!;
  const factor = side / images.shape[1];
  return tf.tidy(() => {
    const p = segmenter.predict(atInputSize(images, side)) as tf.Tensor4D;
    return (factor > 1 ? tf.avgPool(p, factor, factor, 'valid') : p).argMax(-1) as tf.Tensor3D;
  });
}

/** The share of each image's pixels the labels give class c: [n]. */
export const classShare = (labels: tf.Tensor3D, c: number): tf.Tensor1D => tf.tidy(() => tf.cast(tf.equal(labels, c), 'float32').mean([1, 2]) as tf.Tensor1D);
