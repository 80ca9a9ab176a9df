/**
 * The experiment's policies as training steps: the eight the issue names plus
 * the baseline, each at one strength (the menu and knob ranges are in
 * shared/lab-policies.ts). Five are batch policies applied on the backend
 * (batch/policies.ts); RandAugment and Copy-Paste go through the single-image
 * transforms.
 */
import { BATCH_POLICIES } from '../../augment/batch/policies.ts';
import type { BatchPolicy } from '../../augment/batch/policy.ts';
import type { CopyPasteParams } from '../../augment/mixing/copy-paste.ts';
import type { RandAugmentParams } from '../../augment/policies/rand-augment.ts';
import { badArgument } from '../../shared/errors.ts';
import { LAB_POLICY_MENU, LAB_POLICY_NAMES, labStrength, type LabPolicyName } from '../../shared/lab-policies.ts';

export { LAB_POLICY_NAMES, type LabPolicyName };

/** What one training step does to its batch: a batch policy, then (or instead) a per-image one. */
export interface LabPolicy {
  batch?: BatchPolicy;
  randAugment?: RandAugmentParams;
  copyPaste?: CopyPasteParams;
}

const { 'flips-crops': flipsCrops, cutout, 'hide-and-seek': hideAndSeek, combination } = BATCH_POLICIES;

/** Each policy at strength s (s is NaN for the baseline, which has no knob). */
const MAKE: Record<LabPolicyName, (s: number) => LabPolicy> = {
  none: () => ({}),
  'flips-crops': (s) => ({ batch: { ...flipsCrops, crop: { ...flipsCrops.crop, scale: [s, 1] } } }),
  'rand-augment': (s) => ({ randAugment: { n: 2, m: s } }),
  mixup: (s) => ({ batch: { mixup: { alpha: s } } }),
  cutmix: (s) => ({ batch: { cutmix: { alpha: s } } }),
  cutout: (s) => ({ batch: { cutout: { ...cutout.cutout, side: s } } }),
  'hide-and-seek': (s) => ({ batch: { hideAndSeek: { ...hideAndSeek.hideAndSeek, p: s } } }),
  'copy-paste': (s) => ({ copyPaste: { p: s } }),
  combination: (s) => ({ batch: { ...combination, cutmix: { alpha: s } } }),
};

/** The reference strength of a policy (NaN for the baseline, which has none). */
export function defaultStrength(name: LabPolicyName): number {
  return labStrength(name)?.value ?? Number.NaN;
}

/** The policy `name` at `strength` (its reference strength when absent); checks both. */
export function labPolicy(name: string, strength?: number): LabPolicy {
  if (!Object.hasOwn(LAB_POLICY_MENU, name)) throw badArgument('labPolicy', 'name', `one of ${LAB_POLICY_NAMES.join(', ')}`, name);
  const knob = labStrength(name as LabPolicyName);
  if (!knob) return MAKE[name as LabPolicyName](Number.NaN);
  const { min, max, value, label } = knob;
  const s = strength ?? value;
  if (!(s >= min && s <= max)) throw badArgument('labPolicy', 'strength', `${label} in ${min}..${max}`, s);
  return MAKE[name as LabPolicyName](s);
}
