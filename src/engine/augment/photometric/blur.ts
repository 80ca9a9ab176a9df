/**
 * Gaussian blur: a separable kernel exp(-k^2 / (2 sigma^2)), normalized, of
 * radius ceil(3 sigma), pixels beyond the border read as the nearest edge pixel.
 */
import { badArgument } from '../../shared/errors.ts';
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, withImage } from './pixels.ts';

export interface BlurParams {
  /** Sigma range in pixels, e.g. [0.1, 2]; 0 keeps the image. */
  sigma: Range;
}

export interface BlurOp {
  sigma: number;
}

/** The normalized 1-D weights for offsets -radius..radius. */
export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.ceil(3 * sigma);
  const w = new Float64Array(2 * radius + 1);
  if (radius === 0) return w.fill(1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    w[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
    sum += w[k + radius]!;
  }
  return w.map((v) => v / sum);
}

/** One pass along rows (dr = 0, dc = 1) or columns (dr = 1, dc = 0), edges clamped. */
function pass(src: Float64Array | Float32Array, size: number, w: Float64Array, dr: number, dc: number): Float64Array {
  const radius = (w.length - 1) / 2;
  const out = new Float64Array(src.length);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      for (let k = -radius; k <= radius; k++) {
        const rr = Math.min(size - 1, Math.max(0, r + k * dr));
        const cc = Math.min(size - 1, Math.max(0, c + k * dc));
        const weight = w[k + radius]!;
        for (let ch = 0; ch < 3; ch++) out[(r * size + c) * 3 + ch]! += weight * src[(rr * size + cc) * 3 + ch]!;
      }
    }
  }
  return out;
}

export const blur: Transform<BlurParams, BlurOp> = {
  name: 'blur',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ sigma: drawWithin('blur', 'sigma', params.sigma, 0, Infinity, rng) }),
  apply: (op, input) => {
    if (!(op.sigma >= 0 && Number.isFinite(op.sigma))) throw badArgument('blur.apply', 'sigma', 'a finite number >= 0', op.sigma);
    const w = gaussianKernel(op.sigma);
    return withImage(input, Float32Array.from(pass(pass(input.image, input.size, w, 0, 1), input.size, w, 1, 0)));
  },
};
