/**
 * AutoAugment's ImageNet policy (Cubuk et al., 2019), as published: 25
 * sub-policies of two operations, each taken with its probability at its
 * magnitude bin of 0..9. One sub-policy is drawn per image. The search that
 * found it trained thousands of child networks (about 5,000 GPU-hours for
 * the CIFAR-10 policy); here it is only data.
 */
import { applyPlan, type Plan } from '../plan.ts';
import type { Transform } from '../sample.ts';
import type { Rng } from '../../shared/rng.ts';
import { planOf, STANDARD, stepFor, type DrawnOperation, type Operation } from './operations.ts';

/** [operation, probability, magnitude bin (0 where the operation has none)]. */
type Entry = [Operation, number, number];

export const IMAGENET_POLICY: [Entry, Entry][] = [
  [['Posterize', 0.4, 8], ['Rotate', 0.6, 9]],
  [['Solarize', 0.6, 5], ['AutoContrast', 0.6, 0]],
  [['Equalize', 0.8, 0], ['Equalize', 0.6, 0]],
  [['Posterize', 0.6, 7], ['Posterize', 0.6, 6]],
  [['Equalize', 0.4, 0], ['Solarize', 0.2, 4]],
  [['Equalize', 0.4, 0], ['Rotate', 0.8, 8]],
  [['Solarize', 0.6, 3], ['Equalize', 0.6, 0]],
  [['Posterize', 0.8, 5], ['Equalize', 1.0, 0]],
  [['Rotate', 0.2, 3], ['Solarize', 0.6, 8]],
  [['Equalize', 0.6, 0], ['Posterize', 0.4, 6]],
  [['Rotate', 0.8, 8], ['Color', 0.4, 0]],
  [['Rotate', 0.4, 9], ['Equalize', 0.6, 0]],
  [['Equalize', 0.0, 0], ['Equalize', 0.8, 0]],
  [['Invert', 0.6, 0], ['Equalize', 1.0, 0]],
  [['Color', 0.6, 4], ['Contrast', 1.0, 8]],
  [['Rotate', 0.8, 8], ['Color', 1.0, 2]],
  [['Color', 0.8, 8], ['Solarize', 0.8, 7]],
  [['Sharpness', 0.4, 7], ['Invert', 0.6, 0]],
  [['ShearX', 0.6, 5], ['Equalize', 1.0, 0]],
  [['Color', 0.4, 0], ['Equalize', 0.6, 0]],
  [['Equalize', 0.4, 0], ['Solarize', 0.2, 4]],
  [['Solarize', 0.6, 5], ['AutoContrast', 0.6, 0]],
  [['Invert', 0.6, 0], ['Equalize', 1.0, 0]],
  [['Color', 0.6, 4], ['Contrast', 1.0, 8]],
  [['Equalize', 0.8, 0], ['Equalize', 0.6, 0]],
];

/** The policy's magnitudes are bins 0..9. */
const BINS = 10;

/** AutoAugment's draw: one sub-policy, uniformly, then each of its two operations with its own probability. */
export function drawAutoAugment(rng: Rng): { subPolicy: number; drawn: DrawnOperation[] } {
  const subPolicy = rng.int(IMAGENET_POLICY.length);
  const drawn: DrawnOperation[] = [];
  for (const [operation, p, k] of IMAGENET_POLICY[subPolicy]!) {
    if (rng.chance(p)) drawn.push({ operation, bin: k, bins: BINS, step: stepFor(operation, k, BINS, STANDARD, rng) });
  }
  return { subPolicy, drawn };
}

export const autoAugment: Transform<Record<string, never>, Plan> = {
  name: 'autoAugment',
  touches: { image: true, boxes: true, masks: true },
  sample: (_params, rng) => planOf(drawAutoAugment(rng).drawn),
  apply: applyPlan,
};
