import { createRng, type Rng } from '../shared/rng.ts';

/**
 * Seeded standard normal samples: Box-Muller (1958) on the project's mulberry32
 * generator, so SmoothGrad's noise is the same for the same seed in every
 * browser and in Node.
 */
export interface Gaussian {
  /** Fills a new array with N(0, 1) samples. */
  sample(count: number): Float32Array;
}

export function createGaussian(seed: number): Gaussian {
  const rng: Rng = createRng(seed);
  return {
    sample(count) {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i += 2) {
        // 1 - next() is in (0, 1], so the log never sees 0.
        const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
        const theta = 2 * Math.PI * rng.next();
        out[i] = r * Math.cos(theta);
        if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
      }
      return out;
    },
  };
}
