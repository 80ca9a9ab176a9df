import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

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
  checkEdit(edit, h, w, units);
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

/** Refuses units the layer lacks, a value per unit missing, and a box outside the grid or empty. */
function checkEdit(edit: UnitEdit, h: number, w: number, units: number): void {
  if (!edit.units.length || !edit.units.every((u) => Number.isInteger(u) && u >= 0 && u < units))
    throw badArgument('editUnits', 'edit.units', `unit indices in [0, ${units})`, edit.units);
  if (edit.mode === 'ablate') return;
  if (edit.values.length !== edit.units.length || !edit.values.every(Number.isFinite))
    throw badArgument('editUnits', 'edit.values', `${edit.units.length} finite numbers`, edit.values);
  const [y0, x0, y1, x1] = edit.box;
  if (!edit.box.every(Number.isInteger) || !(0 <= y0 && y0 < y1 && y1 <= h && 0 <= x0 && x0 < x1 && x1 <= w))
    throw badArgument('editUnits', 'edit.box', `[y0, x0, y1, x1) inside the ${h} x ${w} grid`, edit.box);
}
