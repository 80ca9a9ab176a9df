import { badArgument } from '../shared/errors.ts';

/** One layer's geometry along each spatial axis (square kernels and strides). */
export interface LayerGeometry {
  kernel: number;
  stride: number;
  /** Zeros added before the first row / column (top and left). For "same" with stride 1 and odd k: (k - 1) / 2. */
  padding: number;
  /** Spacing between kernel taps; default 1. */
  dilation?: number;
}

/** Receptive field of every unit of a layer, in input pixels. */
export interface FieldGeometry {
  /** Side r_l of the field. */
  size: number;
  /** Input pixels between neighbouring units, j_l (the product of strides). */
  jump: number;
  /** Input row / column of the field's first pixel for unit 0 (negative: it starts in the padding). */
  start: number;
}

/** [top, left, bottom, right] in input pixels; bottom and right are exclusive, so height = bottom - top. */
export type Box = [top: number, left: number, bottom: number, right: number];

/**
 * Receptive-field size, jump and start after each layer, from the input
 * (r_0 = 1, j_0 = 1, start_0 = 0) to the last (Araujo, Norris & Sim 2019,
 * "Computing receptive fields of convolutional neural networks", Distill).
 *
 * @equation receptive-field
 *   k'_l = d_l (k_l - 1) + 1,  r_l = r_{l-1} + (k'_l - 1) j_{l-1},  j_l = j_{l-1} s_l,  start_l = start_{l-1} - p_l j_{l-1}
 * Pooling layers count as layers with their own kernel and stride.
 */
export function fieldsAfter(layers: readonly LayerGeometry[]): FieldGeometry[] {
  let field: FieldGeometry = { size: 1, jump: 1, start: 0 };
  return layers.map((layer, index) => {
    const { kernel, stride, padding, dilation = 1 } = layer;
    const where = `layers[${index}]`;
    if (!Number.isInteger(kernel) || kernel < 1) throw badArgument('fieldsAfter', `${where}.kernel`, 'an integer >= 1', kernel);
    if (!Number.isInteger(stride) || stride < 1) throw badArgument('fieldsAfter', `${where}.stride`, 'an integer >= 1', stride);
    if (!Number.isInteger(padding) || padding < 0) throw badArgument('fieldsAfter', `${where}.padding`, 'an integer >= 0', padding);
    if (!Number.isInteger(dilation) || dilation < 1) throw badArgument('fieldsAfter', `${where}.dilation`, 'an integer >= 1', dilation);
    const effective = dilation * (kernel - 1) + 1;
    field = {
      size: field.size + (effective - 1) * field.jump,
      jump: field.jump * stride,
      start: field.start - padding * field.jump,
    };
    return field;
  });
}

/**
 * The input box seen by the unit at output position (row, col) after the last
 * of `layers`: unclipped (may extend into the padding) and clipped to an image
 * of `height` x `width`, for cropping a patch.
 */
export function receptiveField(
  layers: readonly LayerGeometry[],
  row: number,
  col: number,
  image: { height: number; width: number },
): { unclipped: Box; clipped: Box; size: number } {
  if (layers.length === 0) throw badArgument('receptiveField', 'layers', 'at least one layer', layers);
  if (!Number.isInteger(row) || row < 0) throw badArgument('receptiveField', 'row', 'an integer >= 0', row);
  if (!Number.isInteger(col) || col < 0) throw badArgument('receptiveField', 'col', 'an integer >= 0', col);
  const { size, jump, start } = fieldsAfter(layers).at(-1)!;
  const top = start + row * jump;
  const left = start + col * jump;
  const unclipped: Box = [top, left, top + size, left + size];
  const clipped: Box = [
    clamp(top, 0, image.height),
    clamp(left, 0, image.width),
    clamp(top + size, 0, image.height),
    clamp(left + size, 0, image.width),
  ];
  return { unclipped, clipped, size };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
