/**
 * The experiment's policies: the eight the issue names plus the baseline, each
 * with one strength knob whose default is the reference runs' setting. Five
 * are batch policies applied on the backend (batch/policies.ts); RandAugment
 * and Copy-Paste go through the single-image transforms.
 */
import { BATCH_POLICIES } from '../../augment/batch/policies.ts';
import type { BatchPolicy } from '../../augment/batch/policy.ts';
import type { CopyPasteParams } from '../../augment/mixing/copy-paste.ts';
import type { RandAugmentParams } from '../../augment/policies/rand-augment.ts';
import { badArgument } from '../../shared/errors.ts';

/** What one training step does to its batch: a batch policy, then (or instead) a per-image one. */
export interface LabPolicy {
  batch?: BatchPolicy;
  randAugment?: RandAugmentParams;
  copyPaste?: CopyPasteParams;
}

export interface Strength {
  /** What the knob sets, for the label. */
  label: string;
  min: number;
  max: number;
  step: number;
  /** The reference runs' value. */
  value: number;
}

interface PolicyEntry {
  label: string;
  strength?: Strength;
  make(strength: number): LabPolicy;
}

const { 'flips-crops': flipsCrops, mixup, cutmix, cutout, 'hide-and-seek': hideAndSeek, combination } = BATCH_POLICIES;

export const LAB_POLICIES = {
  none: { label: 'No augmentation (baseline)', make: () => ({}) },
  'flips-crops': {
    label: 'Flips + random resized crops',
    strength: { label: 'smallest crop area', min: 0.1, max: 1, step: 0.05, value: flipsCrops.crop.scale[0] },
    make: (s) => ({ batch: { ...flipsCrops, crop: { ...flipsCrops.crop, scale: [s, 1] } } }),
  },
  'rand-augment': {
    label: 'RandAugment (N = 2)',
    strength: { label: 'magnitude M', min: 0, max: 30, step: 1, value: 9 },
    make: (s) => ({ randAugment: { n: 2, m: s } }),
  },
  mixup: {
    label: 'Mixup',
    strength: { label: 'α', min: 0.1, max: 2, step: 0.1, value: mixup.mixup.alpha },
    make: (s) => ({ batch: { mixup: { alpha: s } } }),
  },
  cutmix: {
    label: 'CutMix',
    strength: { label: 'α', min: 0.1, max: 2, step: 0.1, value: cutmix.cutmix.alpha },
    make: (s) => ({ batch: { cutmix: { alpha: s } } }),
  },
  cutout: {
    label: 'Cutout',
    strength: { label: 'square side (px)', min: 8, max: 48, step: 4, value: cutout.cutout.side },
    make: (s) => ({ batch: { cutout: { ...cutout.cutout, side: s } } }),
  },
  'hide-and-seek': {
    label: 'Hide-and-Seek',
    strength: { label: 'hiding probability p', min: 0.1, max: 0.9, step: 0.05, value: hideAndSeek.hideAndSeek.p },
    make: (s) => ({ batch: { hideAndSeek: { ...hideAndSeek.hideAndSeek, p: s } } }),
  },
  'copy-paste': {
    label: 'Copy-Paste',
    strength: { label: 'paste probability p', min: 0.1, max: 1, step: 0.05, value: 0.5 },
    make: (s) => ({ copyPaste: { p: s } }),
  },
  combination: {
    label: 'Flips + crops + colour + CutMix',
    strength: { label: 'CutMix α', min: 0.1, max: 2, step: 0.1, value: combination.cutmix.alpha },
    make: (s) => ({ batch: { ...combination, cutmix: { alpha: s } } }),
  },
} satisfies Record<string, PolicyEntry>;

export type LabPolicyName = keyof typeof LAB_POLICIES;

export const LAB_POLICY_NAMES = Object.keys(LAB_POLICIES) as LabPolicyName[];

/** The reference strength of a policy (NaN for the baseline, which has none). */
export function defaultStrength(name: LabPolicyName): number {
  const entry: PolicyEntry = LAB_POLICIES[name];
  return entry.strength?.value ?? Number.NaN;
}

/** The policy `name` at `strength` (its reference strength when absent); checks both. */
export function labPolicy(name: string, strength?: number): LabPolicy {
  if (!Object.hasOwn(LAB_POLICIES, name)) throw badArgument('labPolicy', 'name', `one of ${LAB_POLICY_NAMES.join(', ')}`, name);
  const entry: PolicyEntry = LAB_POLICIES[name as LabPolicyName];
  if (!entry.strength) return entry.make(Number.NaN);
  const { min, max, value, label } = entry.strength;
  const s = strength ?? value;
  if (!(s >= min && s <= max)) throw badArgument('labPolicy', 'strength', `${label} in ${min}..${max}`, s);
  return entry.make(s);
}
