/**
 * RandAugment (Cubuk et al., 2020): N operations drawn uniformly (with
 * replacement) from the fourteen, all at the one magnitude M of 0..30. Two
 * numbers replace AutoAugment's searched policy: a space of about 10^2
 * settings instead of about 10^32.
 */
import { badArgument } from '../../shared/errors.ts';
import { applyPlan, type Plan } from '../plan.ts';
import type { Transform } from '../sample.ts';
import { OPERATIONS, STANDARD, stepFor } from './operations.ts';

export interface RandAugmentParams {
  /** Operations per image. */
  n: number;
  /** Magnitude, 0..30 (torchvision's 31 bins). */
  m: number;
}

export const MAGNITUDE_BINS = 31;

export const randAugment: Transform<RandAugmentParams, Plan> = {
  name: 'randAugment',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!Number.isInteger(params.n) || params.n < 0 || params.n > 10) throw badArgument('randAugment', 'n', 'a whole number of operations, 0..10', params.n);
    if (!Number.isInteger(params.m) || params.m < 0 || params.m >= MAGNITUDE_BINS) throw badArgument('randAugment', 'm', `a whole magnitude, 0..${MAGNITUDE_BINS - 1}`, params.m);
    const plan: Plan = [];
    for (let i = 0; i < params.n; i++) {
      const step = stepFor(OPERATIONS[rng.int(OPERATIONS.length)]!, params.m, MAGNITUDE_BINS, STANDARD, rng);
      if (step) plan.push(step);
    }
    return plan;
  },
  apply: applyPlan,
};
