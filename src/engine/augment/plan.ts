/**
 * A plan: named ops in order, the plain-data result of a policy's draw. It
 * can be shown step by step, saved, and applied again to the same effect.
 */
import { badArgument } from '../shared/errors.ts';
import { TRANSFORMS } from './registry.ts';
import type { AugSample } from './sample.ts';

export interface PlanStep {
  /** A transform's name in the registry. */
  name: string;
  op: unknown;
}

export type Plan = PlanStep[];

export function applyPlan(plan: Plan, input: AugSample): AugSample {
  return plan.reduce((sample, step) => {
    const transform = TRANSFORMS.get(step.name);
    if (!transform) throw badArgument('applyPlan', 'name', `one of ${[...TRANSFORMS.keys()].join(', ')}`, step.name);
    return transform.apply(step.op, sample);
  }, input);
}
