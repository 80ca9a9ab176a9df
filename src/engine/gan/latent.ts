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

/**
 * A straight line in latent space from code a to code b:
 * z_t = (1 - t) z_a + t z_b at `steps` evenly spaced t from 0 to 1
 * (Radford et al. 2016 walk the latent space this way), [steps, length] row-major.
 *
 * @equation latent-walk
 */
export function latentWalk(a: Float32Array, b: Float32Array, steps: number): Float32Array {
  const codes = new Float32Array(steps * a.length);
  for (let s = 0; s < steps; s++) {
    const t = s / (steps - 1);
    for (let i = 0; i < a.length; i++) codes[s * a.length + i] = (1 - t) * a[i]! + t * b[i]!;
  }
  return codes;
}
