/**
 * TrivialAugment (Müller and Hutter, 2021): one operation drawn uniformly,
 * at a magnitude drawn uniformly from 0..30, over the wide ranges. Nothing
 * to tune at all.
 */
import { applyPlan, type Plan } from '../plan.ts';
import type { Transform } from '../sample.ts';
import { OPERATIONS, stepFor, WIDE } from './operations.ts';
import { MAGNITUDE_BINS } from './rand-augment.ts';

export const trivialAugment: Transform<Record<string, never>, Plan> = {
  name: 'trivialAugment',
  touches: { image: true, boxes: true, masks: true },
  sample(_params, rng) {
    const operation = OPERATIONS[rng.int(OPERATIONS.length)]!;
    const step = stepFor(operation, rng.int(MAGNITUDE_BINS), MAGNITUDE_BINS, WIDE, rng);
    return step ? [step] : [];
  },
  apply: applyPlan,
};
