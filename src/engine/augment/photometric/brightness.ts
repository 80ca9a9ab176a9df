/** Brightness: every value scaled by a factor, torchvision's blend with a black image. */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, mapValues } from './pixels.ts';

export interface BrightnessParams {
  /** Factor range, e.g. [0.6, 1.4]; 1 keeps the image, 0 makes it black. */
  factor: Range;
}

export interface BrightnessOp {
  factor: number;
}

export const brightness: Transform<BrightnessParams, BrightnessOp> = {
  name: 'brightness',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ factor: drawWithin('brightness', 'factor', params.factor, 0, Infinity, rng) }),
  apply: (op, input) => mapValues(input, (x) => op.factor * x),
};
