/**
 * The shape every geometric transform shares: its op names a 3x3 matrix for
 * an image of a given side, and applying it moves the image (chosen
 * interpolation and border), every mask (nearest neighbour) and every box
 * (the hull of its moved corners) by that one matrix.
 */
import type { Rng } from '../shared/rng.ts';
import { hullOfCorners } from './boxes.ts';
import type { Matrix } from './matrix.ts';
import type { AugSample, Transform } from './sample.ts';
import { warpImage, warpMask, type Border, type Interpolation } from './warp.ts';

/** How the image is resampled: bilinear with a black border unless a transform's params say otherwise. */
export interface Rendering {
  interpolation: Interpolation;
  border: Border;
}

export const DEFAULT_RENDERING: Rendering = { interpolation: 'bilinear', border: { kind: 'constant', value: 0 } };

export interface GeometricTransform<Params, Op extends Rendering> extends Transform<Params, Op> {
  /** The op's matrix for an image `size` pixels wide. */
  matrix(op: Op, size: number): Matrix;
}

/**
 * Moves image, masks and boxes by m. An object moved out of the frame keeps
 * its place with an empty mask and box, so object k stays object k; only the
 * transforms that cover pixels (erasing, CutMix, Copy-Paste) drop objects.
 */
export function applyMatrix(m: Matrix, rendering: Rendering, input: AugSample): AugSample {
  const { size } = input;
  return {
    size,
    image: warpImage(input.image, size, m, rendering.interpolation, rendering.border),
    masks: input.masks.map((mask) => warpMask(mask, size, m)),
    boxes: input.boxes.map((box) => hullOfCorners(box, m, size)),
    classes: input.classes,
  };
}

/** A geometric transform from its name, its sampler and its matrix. */
export function geometric<Params extends Partial<Rendering>, Op extends Rendering>(
  name: string,
  sample: (params: Params, rng: Rng) => Op,
  matrix: (op: Op, size: number) => Matrix,
): GeometricTransform<Params, Op> {
  return {
    name,
    touches: { image: true, boxes: true, masks: true },
    sample,
    matrix,
    apply: (op, input) => applyMatrix(matrix(op, input.size), op, input),
  };
}

/** The rendering params ask for, else the default. */
export function renderingOf(params: Partial<Rendering>): Rendering {
  return { interpolation: params.interpolation ?? DEFAULT_RENDERING.interpolation, border: params.border ?? DEFAULT_RENDERING.border };
}
