/** Checks shared by the transforms' samplers. */
import { badArgument } from '../shared/errors.ts';
import type { Rng } from '../shared/rng.ts';

/** A closed range [lo, hi] of a magnitude. */
export type Range = [number, number];

/** Checks that `p` is a probability, naming `fn` if not. */
export function checkProbability(fn: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw badArgument(fn, 'p', 'a probability in 0..1', p);
}

/** Checks a probability and draws whether the transform is taken. */
export function drawApplied(fn: string, p: number, rng: Rng): boolean {
  checkProbability(fn, p);
  return rng.chance(p);
}

/** A value drawn uniformly from `range`, after checking it is a finite [lo, hi] with lo <= hi. */
export function drawFrom(fn: string, arg: string, range: Range, rng: Rng): number {
  const ok = Array.isArray(range) && range.length === 2 && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] <= range[1];
  if (!ok) throw badArgument(fn, arg, 'a range [lo, hi] of finite numbers with lo <= hi', range);
  return range[0] === range[1] ? range[0] : rng.range(range[0], range[1]);
}
