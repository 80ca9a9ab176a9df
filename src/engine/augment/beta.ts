/**
 * Seeded draws from the Beta distribution, for Mixup's and CutMix's mixing
 * weight lambda ~ Beta(alpha, alpha): two Gamma draws (Marsaglia and Tsang's
 * method, with the shape < 1 boost), normals by Box-Muller.
 */
import type { Rng } from '../shared/rng.ts';
import { badArgument } from '../shared/errors.ts';

function normal(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function gamma(shape: number, rng: Rng): number {
  // Gamma(k) = Gamma(k + 1) * U^(1/k) for k < 1.
  if (shape < 1) return gamma(shape + 1, rng) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One draw from Beta(a, b), both shapes positive. */
export function beta(a: number, b: number, rng: Rng): number {
  if (!(a > 0) || !(b > 0)) throw badArgument('beta', 'a, b', 'positive shapes', [a, b]);
  const x = gamma(a, rng);
  const y = gamma(b, rng);
  return x / (x + y);
}
