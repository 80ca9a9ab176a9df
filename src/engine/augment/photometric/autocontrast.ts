/** Autocontrast: each channel stretched so its darkest value is 0 and its brightest 1; a flat channel is kept. */
import { drawApplied } from '../params.ts';
import type { Transform } from '../sample.ts';
import { IMAGE_ONLY, withImage } from './pixels.ts';

export interface AutocontrastParams {
  /** Probability of stretching, 0..1. */
  p: number;
}

export interface AutocontrastOp {
  applied: boolean;
}

export const autocontrast: Transform<AutocontrastParams, AutocontrastOp> = {
  name: 'autocontrast',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ applied: drawApplied('autocontrast', params.p, rng) }),
  apply: (op, input) => {
    const src = input.image;
    const out = src.slice();
    if (!op.applied) return withImage(input, out);
    for (let ch = 0; ch < 3; ch++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = ch; i < src.length; i += 3) {
        lo = Math.min(lo, src[i]!);
        hi = Math.max(hi, src[i]!);
      }
      if (!(hi > lo)) continue; // a constant channel has nothing to stretch
      for (let i = ch; i < src.length; i += 3) out[i] = (src[i]! - lo) / (hi - lo);
    }
    return withImage(input, out);
  },
};
