/** Saturation: a blend with the greyscale image; 0 gives grey, above 1 oversaturates. */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { blend, drawWithin, greyImage, IMAGE_ONLY } from './pixels.ts';

export interface SaturationParams {
  /** Factor range, e.g. [0.6, 1.4]; 1 keeps the image. */
  factor: Range;
}

export interface SaturationOp {
  factor: number;
}

export const saturation: Transform<SaturationParams, SaturationOp> = {
  name: 'saturation',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ factor: drawWithin('saturation', 'factor', params.factor, 0, Infinity, rng) }),
  apply: (op, input) => blend(input, greyImage(input.image), op.factor),
};
