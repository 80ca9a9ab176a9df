/**
 * TrivialAugment (Müller and Hutter, 2021): one operation drawn uniformly,
 * at a magnitude drawn uniformly from 0..30, over the wide ranges. Nothing
 * to tune at all.
 */
import { applyPlan, type Plan } from '../plan.ts';
import type { Transform } from '../sample.ts';
import type { Rng } from '../../shared/rng.ts';
import { OPERATIONS, planOf, stepFor, WIDE, type DrawnOperation } from './operations.ts';
import { MAGNITUDE_BINS } from './rand-augment.ts';

/**
 * TrivialAugment's draw (Müller and Hutter, 2021, Algorithm 1): one operation
 * o uniform over the 14 and one magnitude bin m uniform over 0..30, applied
 * once: x' = t_{o, m}(x).
 *
 * @returns the one drawn operation (its step is null for Identity)
 * @equation trivial-augment
 */
export function drawTrivialAugment(rng: Rng): DrawnOperation[] {
  const operation = OPERATIONS[rng.int(OPERATIONS.length)]!;
  const bin = rng.int(MAGNITUDE_BINS);
  return [{ operation, bin, bins: MAGNITUDE_BINS, step: stepFor(operation, bin, MAGNITUDE_BINS, WIDE, rng) }];
}

export const trivialAugment: Transform<Record<string, never>, Plan> = {
  name: 'trivialAugment',
  touches: { image: true, boxes: true, masks: true },
  sample: (_params, rng) => planOf(drawTrivialAugment(rng)),
  apply: applyPlan,
};
