/** Contrast: a blend with the image's mean grey level, so f = 0 leaves a flat grey image. */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, luma, mapValues } from './pixels.ts';

export interface ContrastParams {
  /** Factor range, e.g. [0.6, 1.4]; 1 keeps the image. */
  factor: Range;
}

export interface ContrastOp {
  factor: number;
}

/** Mean of the greyscale image, the level torchvision blends towards. */
function meanGrey(image: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < image.length; i += 3) sum += luma(image[i]!, image[i + 1]!, image[i + 2]!);
  return image.length === 0 ? 0 : sum / (image.length / 3);
}

export const contrast: Transform<ContrastParams, ContrastOp> = {
  name: 'contrast',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ factor: drawWithin('contrast', 'factor', params.factor, 0, Infinity, rng) }),
  apply: (op, input) => {
    const mean = meanGrey(input.image);
    return mapValues(input, (x) => op.factor * x + (1 - op.factor) * mean);
  },
};
