/**
 * Gaussian noise: x + sigma * z with z standard normal per value. The op keeps
 * the seed rather than the noise, so it stays small and apply stays deterministic.
 */
import { badArgument } from '../../shared/errors.ts';
import { createRng } from '../../shared/rng.ts';
import type { Range } from '../params.ts';
import type { Transform } from '../sample.ts';
import { drawWithin, IMAGE_ONLY, withImage } from './pixels.ts';

export interface NoiseParams {
  /** Standard deviation range on the [0, 1] scale, e.g. [0, 0.1]. */
  sigma: Range;
}

export interface NoiseOp {
  sigma: number;
  /** Seed of the generator the noise is drawn from. */
  seed: number;
}

export const noise: Transform<NoiseParams, NoiseOp> = {
  name: 'noise',
  touches: IMAGE_ONLY,
  sample: (params, rng) => ({ sigma: drawWithin('noise', 'sigma', params.sigma, 0, Infinity, rng), seed: rng.int(4294967296) }),
  apply: (op, input) => {
    if (!(op.sigma >= 0 && Number.isFinite(op.sigma))) throw badArgument('noise.apply', 'sigma', 'a finite number >= 0', op.sigma);
    const rng = createRng(op.seed);
    const src = input.image;
    const out = new Float32Array(src.length);
    // Box-Muller: two uniforms give two independent normals; 1 - next() is in (0, 1], so the log is finite.
    for (let i = 0; i < src.length; i += 2) {
      const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
      const angle = 2 * Math.PI * rng.next();
      out[i] = src[i]! + op.sigma * radius * Math.cos(angle);
      if (i + 1 < src.length) out[i + 1] = src[i + 1]! + op.sigma * radius * Math.sin(angle);
    }
    return withImage(input, out);
  },
};
