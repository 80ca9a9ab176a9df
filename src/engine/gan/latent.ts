import { createGaussian } from '../explain/rng.ts';
import { deriveSeed } from '../shared/rng.ts';

/**
 * Latent code number `index` of the stream `seed`: `length` standard normal
 * draws (the project's seeded Gaussian), so sample k of a stream is the same
 * in Node and in every browser, and can be drawn alone.
 */
export const latentCode = (seed: number, index: number, length: number): Float32Array => createGaussian(deriveSeed(seed, index)).sample(length);

/** Codes start..start+n-1 of stream `seed`, one after another ([n, length] row-major). */
export function latentCodes(seed: number, start: number, n: number, length: number): Float32Array {
  const codes = new Float32Array(n * length);
  for (let k = 0; k < n; k++) codes.set(latentCode(seed, start + k, length), k * length);
  return codes;
}
