/**
 * Sharpness: a blend with a slightly smoothed copy (3x3 kernel
 * [[1,1,1],[1,5,1],[1,1,1]]/13, border pixels kept, as torchvision): 1 keeps
 * the image, 0 smooths it, above 1 sharpens it.
 */
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { blend, drawWithin, IMAGE_ONLY } from './pixels.ts';

export interface SharpnessParams {
  /** Factor range, e.g. [0.5, 2]; 1 keeps the image. */
  factor: Range;
}

export interface SharpnessOp {
  factor: number;
}

/** The smoothed copy; border pixels have no full neighbourhood and stay as they are. */
function smoothed(src: Float32Array, size: number): Float32Array {
  const out = src.slice();
  for (let r = 1; r < size - 1; r++) {
    for (let c = 1; c < size - 1; c++) {
      for (let ch = 0; ch < 3; ch++) {
        let sum = 4 * src[(r * size + c) * 3 + ch]!; // centre weight 5 = 1 (in the loop) + 4
        for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) sum += src[((r + dr) * size + c + dc) * 3 + ch]!;
        out[(r * size + c) * 3 + ch] = sum / 13;
      }
    }
  }
  return out;
}

export const sharpness: Transform<SharpnessParams, SharpnessOp> = {
  name: 'sharpness',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ factor: drawWithin('sharpness', 'factor', params.factor, 0, Infinity, rng) }),
  apply: (op, input) => blend(input, smoothed(input.image, input.size), op.factor),
};
