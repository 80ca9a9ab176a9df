/** Solarize: values at or above a threshold are inverted (1 - x), as torchvision does. */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, mapValues } from './pixels.ts';

export interface SolarizeParams {
  /** Threshold range within [0, 1], e.g. [0.5, 1]; above 1 nothing would change. */
  threshold: Range;
}

export interface SolarizeOp {
  threshold: number;
}

export const solarize: Transform<SolarizeParams, SolarizeOp> = {
  name: 'solarize',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ threshold: drawWithin('solarize', 'threshold', params.threshold, 0, 1, rng) }),
  apply: (op, input) => mapValues(input, (x) => (x >= op.threshold ? 1 - x : x)),
};
