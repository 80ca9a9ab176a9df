import type { Lang } from '../../i18n/lang.ts';
import notices from '../../i18n/ui/shared-notices.ts';

/**
 * The training experiment's vocabulary, for menus and widget state: the nine
 * policies with the words a menu shows (in English and Korean) and their one
 * strength knob (its reference value is what the reference runs used), the
 * epoch budgets a reader may choose, and the reference runs' budget and seeds.
 * The engine's train/lab/policies.ts turns a name and strength into what a
 * step does.
 */
export interface LabStrength {
  /** What the knob sets, for the label. */
  label: string;
  /** The same in the Korean edition. */
  labelKo: string;
  min: number;
  max: number;
  step: number;
  /** The reference runs' value. */
  value: number;
}

export const LAB_POLICY_MENU = {
  none: { label: 'No augmentation (baseline)', labelKo: '증강 없음 (베이스라인)' },
  'flips-crops': {
    label: 'Flips + random resized crops',
    labelKo: '뒤집기 + 무작위 크기 조정 자르기',
    strength: { label: 'smallest crop area', labelKo: '가장 작은 자르기 넓이', min: 0.1, max: 1, step: 0.05, value: 0.35 },
  },
  'rand-augment': {
    label: 'RandAugment (N = 2)',
    labelKo: 'RandAugment (N = 2)',
    strength: { label: 'magnitude M', labelKo: '강도 M', min: 0, max: 30, step: 1, value: 9 },
  },
  mixup: { label: 'Mixup', labelKo: 'Mixup', strength: { label: 'α', labelKo: 'α', min: 0.1, max: 2, step: 0.1, value: 0.2 } },
  cutmix: { label: 'CutMix', labelKo: 'CutMix', strength: { label: 'α', labelKo: 'α', min: 0.1, max: 2, step: 0.1, value: 1 } },
  cutout: { label: 'Cutout', labelKo: 'Cutout', strength: { label: 'square side (px)', labelKo: '정사각형 한 변 (px)', min: 8, max: 48, step: 4, value: 32 } },
  'hide-and-seek': {
    label: 'Hide-and-Seek',
    labelKo: 'Hide-and-Seek',
    strength: { label: 'hiding probability p', labelKo: '가릴 확률 p', min: 0.1, max: 0.9, step: 0.05, value: 0.5 },
  },
  'copy-paste': {
    label: 'Copy-Paste',
    labelKo: 'Copy-Paste',
    strength: { label: 'paste probability p', labelKo: '붙여 넣을 확률 p', min: 0.1, max: 1, step: 0.05, value: 0.5 },
  },
  combination: {
    label: 'Flips + crops + colour + CutMix',
    labelKo: '뒤집기 + 자르기 + 색상 + CutMix',
    strength: { label: 'CutMix α', labelKo: 'CutMix α', min: 0.1, max: 2, step: 0.1, value: 1 },
  },
} as const satisfies Record<string, { label: string; labelKo: string; strength?: LabStrength }>;

export type LabPolicyName = keyof typeof LAB_POLICY_MENU;

export const LAB_POLICY_NAMES = Object.keys(LAB_POLICY_MENU) as LabPolicyName[];

/** A policy's strength knob, or undefined for the baseline. */
export function labStrength(name: LabPolicyName): LabStrength | undefined {
  const entry: { label: string; strength?: LabStrength } = LAB_POLICY_MENU[name];
  return entry.strength;
}

/** A policy's menu words in the reader's edition. */
export function labPolicyLabel(name: LabPolicyName, lang: Lang = 'en'): string {
  const entry = LAB_POLICY_MENU[name];
  return lang === 'ko' ? entry.labelKo : entry.label;
}

/** What a policy's knob sets, in the reader's edition; undefined for the baseline. */
export function labStrengthLabel(name: LabPolicyName, lang: Lang = 'en'): string | undefined {
  const knob = labStrength(name);
  return knob && (lang === 'ko' ? knob.labelKo : knob.label);
}

/** Epoch budgets a reader may choose. */
export const LAB_EPOCHS = { min: 1, max: 30 } as const;

/** The reference runs' budget (epochs) and seeds: public/experiments/<policy>/seed-<s>.json. */
export const LAB_REFERENCE = { epochs: 12, seeds: [1, 2, 3] } as const;

/** What names a lab run: the same settings train the same model (the run is deterministic). */
export interface LabSettings {
  policy: LabPolicyName;
  /** The policy's knob; null for the baseline. */
  strength: number | null;
  seed: number;
  epochs: number;
}

/** A run's name, also its checkpoint key and saved model id (`run:<name>`): e.g. "cutout-a3200-s1-e12" (strength × 100). */
export function labRunName({ policy, strength, seed, epochs }: LabSettings): string {
  return `${policy}${strength === null ? '' : `-a${Math.round(strength * 100)}`}-s${seed}-e${epochs}`;
}

/** The settings a run name encodes, or null when it is not one. */
export function parseLabRunName(name: string): LabSettings | null {
  const match = /^([a-z-]+?)(?:-a(\d+))?-s(\d+)-e(\d+)$/.exec(name);
  if (!match || !Object.hasOwn(LAB_POLICY_MENU, match[1]!)) return null;
  const policy = match[1] as LabPolicyName;
  const strength = match[2] === undefined ? null : Number(match[2]) / 100;
  if ((strength === null) !== (labStrength(policy) === undefined)) return null;
  return { policy, strength, seed: Number(match[3]), epochs: Number(match[4]) };
}

/** How a run is named in menus, in the reader's edition: policy, strength, seed and budget. */
export function labRunLabel({ policy, strength, seed, epochs }: LabSettings, lang: Lang = 'en'): string {
  const t = notices(lang);
  const knob = labStrengthLabel(policy, lang);
  const parts = { policy: labPolicyLabel(policy, lang), strength: knob && strength !== null ? t('run.strength', { knob, value: strength }) : '', seed };
  return epochs === 1 ? t('run.labelOne', parts) : t('run.label', { ...parts, epochs });
}

/** A saved run's model label in the reader's edition, as the engine names it ("Lab: " and the run's label). */
export function labModelLabel(settings: LabSettings, lang: Lang = 'en'): string {
  return notices(lang)('run.model', { run: labRunLabel(settings, lang) });
}
