/** Checks shared by the transforms' samplers. */
import { badArgument } from '../shared/errors.ts';
import type { Rng } from '../shared/rng.ts';

/** A closed range [lo, hi] of a magnitude. */
export type Range = [number, number];

/** A value drawn uniformly from `range`, after checking it is a finite [lo, hi] with lo <= hi. */
export function drawFrom(fn: string, arg: string, range: Range, rng: Rng): number {
  const ok = Array.isArray(range) && range.length === 2 && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] <= range[1];
  if (!ok) throw badArgument(fn, arg, 'a range [lo, hi] of finite numbers with lo <= hi', range);
  return range[0] === range[1] ? range[0] : rng.range(range[0], range[1]);
}
