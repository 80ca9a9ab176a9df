/**
 * How many policies a search has to choose among: the number that made
 * AutoAugment expensive and that RandAugment shrank to a small grid.
 */
import { badArgument } from '../../shared/errors.ts';

export interface PolicySpace {
  /** Operations to choose from at each slot (AutoAugment: 16). */
  operations: number;
  /** Magnitude bins (AutoAugment: 10). */
  magnitudes: number;
  /** Probability bins (AutoAugment: 11, 0 to 1 in steps of 0.1). */
  probabilities: number;
  /** Operation slots searched at once: sub-policies times operations each (AutoAugment: 5 x 2). */
  slots: number;
}

/**
 * log10 of the number of policies, (operations x magnitudes x probabilities)^slots
 * (Cubuk et al., 2019, Sec. 3: (16 x 10 x 11)^10, about 2.9 x 10^32). A log,
 * because the count itself is too large for exact arithmetic in a double.
 *
 * @returns log10 |S|
 * @equation policy-search-space
 */
export function searchSpaceLog10(space: PolicySpace): number {
  for (const [name, value] of Object.entries(space)) {
    if (!Number.isInteger(value) || value < 1) throw badArgument('searchSpaceLog10', name, 'a positive whole number', value);
  }
  return space.slots * Math.log10(space.operations * space.magnitudes * space.probabilities);
}

/** AutoAugment's space as the paper counts it: 16 operations, 10 magnitudes, 11 probabilities, 5 sub-policies of 2. */
export const AUTO_AUGMENT_SPACE: PolicySpace = { operations: 16, magnitudes: 10, probabilities: 11, slots: 10 };
