import { createRng } from '../shared/rng.ts';
import { badArgument } from '../shared/errors.ts';

/**
 * Seeded start layout of t-SNE: y_i ~ N(0, std^2 I) in 2-D, as in van der Maaten
 * & Hinton 2008 (section 3.4: variance 1e-4, so std 1e-2). Box-Muller over the
 * project's mulberry32 stream, so the same seed gives the same layout everywhere.
 */
export function randomLayout(n: number, seed: number, std = 1e-2): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(2 * n);
  for (let k = 0; k < 2 * n; k += 2) {
    // 1 - u keeps the logarithm's argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - rng.next())) * std;
    const theta = 2 * Math.PI * rng.next();
    y[k] = r * Math.cos(theta);
    y[k + 1] = r * Math.sin(theta);
  }
  return y;
}

/**
 * A given start (e.g. the first two principal components from `pca`), centred
 * and scaled so its first coordinate has standard deviation `std` (1e-4, as
 * scikit-learn and openTSNE do for PCA starts: Kobak & Berens 2019). A start
 * that large would otherwise dominate early exaggeration.
 */
export function scaledLayout(initial: Float32Array, n: number, std = 1e-4): Float64Array {
  if (initial.length !== 2 * n) throw badArgument('Tsne.init', 'initial', `an n x 2 layout of length ${2 * n}`, initial.length);
  const y = Float64Array.from(initial);
  centre(y, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += y[2 * i] * y[2 * i];
  const sd = Math.sqrt(s / n);
  const scale = sd > 0 ? std / sd : 1;
  for (let k = 0; k < 2 * n; k++) y[k] = y[k] * scale;
  return y;
}

/** Subtracts the mean of each coordinate; t-SNE's cost is translation invariant, so this only keeps numbers small. */
export function centre(y: Float64Array, n: number): void {
  let m0 = 0;
  let m1 = 0;
  for (let i = 0; i < n; i++) {
    m0 += y[2 * i];
    m1 += y[2 * i + 1];
  }
  m0 /= n;
  m1 /= n;
  for (let i = 0; i < n; i++) {
    y[2 * i] = y[2 * i] - m0;
    y[2 * i + 1] = y[2 * i + 1] - m1;
  }
}
