import { boxOfMask } from '../../augment/boxes.ts';
import { applyPlan } from '../../augment/plan.ts';
import { drawAutoAugment } from '../../augment/policies/auto-augment.ts';
import { planOf, type DrawnOperation } from '../../augment/policies/operations.ts';
import { drawRandAugment } from '../../augment/policies/rand-augment.ts';
import { AUTO_AUGMENT_SPACE, searchSpaceLog10 } from '../../augment/policies/search-space.ts';
import { drawTrivialAugment } from '../../augment/policies/trivial-augment.ts';
import type { AugSample, Box } from '../../augment/sample.ts';
import { badArgument } from '../../shared/errors.ts';
import { createRng, deriveSeed, type Rng } from '../../shared/rng.ts';
import { datasetSample } from './samples.ts';

export const POLICIES = ['rand-augment', 'trivial-augment', 'auto-augment'] as const;
export type PolicyName = (typeof POLICIES)[number];

export interface PolicyParams {
  policy: PolicyName;
  /** RandAugment's N and M (the other policies have none). */
  n: number;
  m: number;
}

/** One augmented sample with the plan that made it. */
export interface PolicyTile {
  sample: AugSample;
  /** Each object's box recomputed from its moved mask (the sample's boxes are the moved corners' hull). */
  maskBoxes: Box[];
  /** The operations drawn, in order, Identity included. */
  operations: DrawnOperation[];
  /** AutoAugment's sub-policy (0..24), else null. */
  subPolicy: number | null;
}

function draw(params: PolicyParams, rng: Rng): Pick<PolicyTile, 'operations' | 'subPolicy'> {
  switch (params.policy) {
    case 'rand-augment':
      return { operations: drawRandAugment(params, rng), subPolicy: null };
    case 'trivial-augment':
      return { operations: drawTrivialAugment(rng), subPolicy: null };
    case 'auto-augment': {
      const { subPolicy, drawn } = drawAutoAugment(rng);
      return { operations: drawn, subPolicy };
    }
    default:
      throw badArgument('policyGrid', 'policy', `one of ${POLICIES.join(', ')}`, params.policy);
  }
}

function tile(input: AugSample, params: PolicyParams, rng: Rng): PolicyTile {
  const drawn = draw(params, rng);
  const sample = applyPlan(planOf(drawn.operations), input);
  return { sample, maskBoxes: sample.masks.map((m) => boxOfMask(m, sample.size)), ...drawn };
}

/**
 * One sample augmented by RandAugment(N, M), every random choice from `seed`:
 * the unit the bench times (N = 2, M = 9 on a 64 x 64 scene with its masks and boxes).
 */
export function randAugmentSample(input: AugSample, n: number, m: number, seed: number): PolicyTile {
  return tile(input, { policy: 'rand-augment', n, m }, createRng(seed));
}

/**
 * `count` augmented copies of one sample, copy k drawn from its own seed
 * deriveSeed(seed, k), so any tile can be replayed alone: lesson 33's grid.
 */
export function policyGrid(input: AugSample, params: PolicyParams, seed: number, count = 16): PolicyTile[] {
  if (!Number.isInteger(count) || count < 1) throw badArgument('policyGrid', 'count', 'a positive whole number', count);
  return Array.from({ length: count }, (_, k) => tile(input, params, createRng(deriveSeed(seed, k))));
}

export interface PolicyGridView {
  tiles: PolicyTile[];
  /** log10 of AutoAugment's search space, (16 x 10 x 11)^10. */
  autoAugmentSpaceLog10: number;
}

/** The grid for a held-out scene, as the widget asks for it: computed in the worker, sent back once. */
export async function augmentGrid(dataset: string, index: number, params: PolicyParams, seed: number, count = 16): Promise<PolicyGridView> {
  const input = await datasetSample(dataset, index);
  return { tiles: policyGrid(input, params, seed, count), autoAugmentSpaceLog10: searchSpaceLog10(AUTO_AUGMENT_SPACE) };
}
