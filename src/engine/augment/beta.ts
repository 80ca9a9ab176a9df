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

/**
 * One draw from Beta(a, b), both shapes positive. Mixup and CutMix draw their
 * mixing weight as lambda ~ Beta(alpha, alpha) (Zhang et al., 2018, Sec. 2;
 * Yun et al., 2019, Sec. 3.1), a density proportional to
 * lambda^(alpha - 1) (1 - lambda)^(alpha - 1) on (0, 1).
 *
 * @returns a number in [0, 1]
 * @equation mixing-weight
 */
export function beta(a: number, b: number, rng: Rng): number {
  if (!(a > 0) || !(b > 0)) throw badArgument('beta', 'a, b', 'positive shapes', [a, b]);
  const x = gamma(a, rng);
  const y = gamma(b, rng);
  return x / (x + y);
}

/**
 * How `draws` seeded draws of Beta(alpha, alpha) fall into `bins` equal bins
 * of [0, 1]: the histogram a reader compares for different alphas.
 *
 * @returns bins counts, summing to draws
 */
export function betaHistogram(alpha: number, draws: number, bins: number, rng: Rng): number[] {
  if (!Number.isInteger(draws) || draws < 1) throw badArgument('betaHistogram', 'draws', 'a positive whole number', draws);
  if (!Number.isInteger(bins) || bins < 1) throw badArgument('betaHistogram', 'bins', 'a positive whole number', bins);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < draws; i++) counts[Math.min(bins - 1, Math.floor(beta(alpha, alpha, rng) * bins))]! += 1;
  return counts;
}
