/** Posterize: each 8-bit level keeps only its top `bits` bits, leaving 2^bits levels per channel. */
import { badArgument } from '../../shared/errors.ts';
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { IMAGE_ONLY, mapValues, toByte } from './pixels.ts';

export interface PosterizeParams {
  /** Inclusive range of whole bit counts within 1..8, e.g. [4, 8]; 8 keeps the image. */
  bits: Range;
}

export interface PosterizeOp {
  bits: number;
}

const isBits = (b: number): boolean => Number.isInteger(b) && b >= 1 && b <= 8;

export const posterize: Transform<PosterizeParams, PosterizeOp> = {
  name: 'posterize',
  touches: IMAGE_ONLY,
  sample: (params, rng) => {
    const r = params.bits;
    if (!(Array.isArray(r) && r.length === 2 && isBits(r[0]) && isBits(r[1]) && r[0] <= r[1])) {
      throw badArgument('posterize', 'bits', 'a range [lo, hi] of whole numbers in 1..8 with lo <= hi', r);
    }
    return { bits: r[0] + rng.int(r[1] - r[0] + 1) };
  },
  apply: (op, input) => {
    if (!isBits(op.bits)) throw badArgument('posterize.apply', 'bits', 'a whole number in 1..8', op.bits);
    // Clearing the low 8 - bits bits of the level: a mask of `bits` ones then zeros.
    const mask = 256 - (1 << (8 - op.bits));
    return mapValues(input, (x) => (toByte(x) & mask) / 255);
  },
};
