/**
 * RandAugment (Cubuk et al., 2020): N operations drawn uniformly (with
 * replacement) from the fourteen, all at the one magnitude M of 0..30. Two
 * numbers replace AutoAugment's searched policy: a space of about 10^2
 * settings instead of about 10^32.
 */
import { badArgument } from '../../shared/errors.ts';
import { applyPlan, type Plan } from '../plan.ts';
import type { Transform } from '../sample.ts';
import type { Rng } from '../../shared/rng.ts';
import { OPERATIONS, planOf, STANDARD, stepFor, type DrawnOperation } from './operations.ts';

export interface RandAugmentParams {
  /** Operations per image. */
  n: number;
  /** Magnitude, 0..30 (torchvision's 31 bins). */
  m: number;
}

export const MAGNITUDE_BINS = 31;

/**
 * RandAugment's draw (Cubuk et al., 2020, Fig. 2's code): N operations o_1..o_N,
 * each uniform over the K = 14 and with replacement, all at the one magnitude M;
 * the image then goes through t_{o_N, M} after ... after t_{o_1, M}.
 *
 * @returns N drawn operations in the order they apply (Identity's step is null)
 * @equation rand-augment
 */
export function drawRandAugment(params: RandAugmentParams, rng: Rng): DrawnOperation[] {
  if (!Number.isInteger(params.n) || params.n < 0 || params.n > 10) throw badArgument('randAugment', 'n', 'a whole number of operations, 0..10', params.n);
  if (!Number.isInteger(params.m) || params.m < 0 || params.m >= MAGNITUDE_BINS) throw badArgument('randAugment', 'm', `a whole magnitude, 0..${MAGNITUDE_BINS - 1}`, params.m);
  return Array.from({ length: params.n }, () => {
    const operation = OPERATIONS[rng.int(OPERATIONS.length)]!;
    return { operation, bin: params.m, bins: MAGNITUDE_BINS, step: stepFor(operation, params.m, MAGNITUDE_BINS, STANDARD, rng) };
  });
}

export const randAugment: Transform<RandAugmentParams, Plan> = {
  name: 'randAugment',
  touches: { image: true, boxes: true, masks: true },
  sample: (params, rng) => planOf(drawRandAugment(params, rng)),
  apply: applyPlan,
};
