/** Greyscale, taken with probability p: every pixel's three channels set to its ITU-R 601 luma. */
import { drawApplied } from '../params.ts';
import type { Transform } from '../sample.ts';
import { greyImage, IMAGE_ONLY, withImage } from './pixels.ts';

export interface GreyParams {
  /** Probability of turning the image grey, 0..1. */
  p: number;
}

export interface GreyOp {
  applied: boolean;
}

export const grey: Transform<GreyParams, GreyOp> = {
  name: 'grey',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ applied: drawApplied('grey', params.p, rng) }),
  apply: (op, input) => withImage(input, op.applied ? greyImage(input.image) : input.image.slice()),
};
