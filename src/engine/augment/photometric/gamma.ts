/** Gamma: x^g per value; g < 1 lifts the shadows, g > 1 darkens them. */
import { badArgument } from '../../shared/errors.ts';
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, mapValues } from './pixels.ts';

export interface GammaParams {
  /** Exponent range, e.g. [0.7, 1.5]; must be non-negative, as in torchvision. */
  gamma: Range;
}

export interface GammaOp {
  gamma: number;
}

export const gamma: Transform<GammaParams, GammaOp> = {
  name: 'gamma',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ gamma: drawWithin('gamma', 'gamma', params.gamma, 0, Infinity, rng) }),
  apply: (op, input) => {
    if (!(op.gamma >= 0 && Number.isFinite(op.gamma))) throw badArgument('gamma.apply', 'gamma', 'a finite number >= 0', op.gamma);
    // Clip first: a value a hair below 0 would give NaN under a fractional power.
    return mapValues(input, (x) => Math.pow(Math.max(0, x), op.gamma));
  },
};
