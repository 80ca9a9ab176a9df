import type { Lang } from '../../i18n/lang.ts';

/**
 * The transform lab's one slider per transform: what it sets, its range and
 * its starting value. Shared, so the island can label its slider and a saved
 * state can be checked, without importing the augment module.
 */

export interface Knob {
  /** The registry name of the transform (augment/registry.ts). */
  transform: string;
  /** The menu's words. */
  label: string;
  /** The same in the Korean edition. */
  labelKo: string;
  /** What the slider sets (`labelKo` in the Korean edition), or undefined for a transform without one (the flips). */
  amount?: { label: string; labelKo: string; min: number; max: number; step: number; start: number };
  /** Whether the seed draws part of the op (crop position and shape, the perspective's corners). */
  seeded: boolean;
  geometric: boolean;
}

export const TRANSFORM_KNOBS: readonly Knob[] = [
  {
    transform: 'rotate',
    label: 'Rotation',
    labelKo: '회전',
    amount: { label: 'angle θ (degrees)', labelKo: '각도 θ (도)', min: -180, max: 180, step: 1, start: 30 },
    seeded: false,
    geometric: true,
  },
  { transform: 'horizontalFlip', label: 'Horizontal flip', labelKo: '수평 뒤집기', seeded: false, geometric: true },
  { transform: 'verticalFlip', label: 'Vertical flip', labelKo: '수직 뒤집기', seeded: false, geometric: true },
  {
    transform: 'translate',
    label: 'Translation',
    labelKo: '평행 이동',
    amount: {
      label: 'shift t, right and down (fraction of the side)',
      labelKo: '이동량 t, 오른쪽과 아래로 (한 변에 대한 비율)',
      min: -0.4,
      max: 0.4,
      step: 0.01,
      start: 0.15,
    },
    seeded: false,
    geometric: true,
  },
  {
    transform: 'scale',
    label: 'Scale',
    labelKo: '확대·축소',
    amount: { label: 'factor s', labelKo: '배율 s', min: 0.5, max: 2, step: 0.05, start: 1.3 },
    seeded: false,
    geometric: true,
  },
  {
    transform: 'shear',
    label: 'Shear (along x)',
    labelKo: '기울이기 (x 방향)',
    amount: { label: 'angle φ (degrees)', labelKo: '각도 φ (도)', min: -45, max: 45, step: 1, start: 20 },
    seeded: false,
    geometric: true,
  },
  {
    transform: 'resizedCrop',
    label: 'Random resized crop',
    labelKo: '무작위 크기 조정 자르기',
    amount: { label: 'area kept (fraction)', labelKo: '남기는 넓이 (비율)', min: 0.1, max: 1, step: 0.05, start: 0.4 },
    seeded: true,
    geometric: true,
  },
  {
    transform: 'perspective',
    label: 'Perspective',
    labelKo: '원근 변환',
    amount: { label: 'distortion d', labelKo: '왜곡 d', min: 0, max: 1, step: 0.05, start: 0.6 },
    seeded: true,
    geometric: true,
  },
  {
    transform: 'brightness',
    label: 'Brightness',
    labelKo: '밝기',
    amount: { label: 'factor', labelKo: '배율', min: 0.2, max: 2, step: 0.05, start: 1.5 },
    seeded: false,
    geometric: false,
  },
  {
    transform: 'contrast',
    label: 'Contrast',
    labelKo: '대비',
    amount: { label: 'factor', labelKo: '배율', min: 0, max: 2, step: 0.05, start: 1.6 },
    seeded: false,
    geometric: false,
  },
  {
    transform: 'saturation',
    label: 'Saturation',
    labelKo: '채도',
    amount: { label: 'factor', labelKo: '배율', min: 0, max: 2, step: 0.05, start: 0.2 },
    seeded: false,
    geometric: false,
  },
  {
    transform: 'hue',
    label: 'Hue',
    labelKo: '색조',
    amount: { label: 'shift (turns of the colour wheel)', labelKo: '이동량 (색상환 바퀴 수)', min: -0.5, max: 0.5, step: 0.01, start: 0.25 },
    seeded: false,
    geometric: false,
  },
  {
    transform: 'gamma',
    label: 'Gamma',
    labelKo: '감마',
    amount: { label: 'γ', labelKo: 'γ', min: 0.3, max: 3, step: 0.05, start: 2 },
    seeded: false,
    geometric: false,
  },
];

/** A transform's menu words in the reader's edition. */
export function transformLabel(knob: Knob, lang: Lang = 'en'): string {
  return lang === 'ko' ? knob.labelKo : knob.label;
}

/** What a transform's slider sets, in the reader's edition; undefined for a transform without one. */
export function amountLabel(knob: Knob, lang: Lang = 'en'): string | undefined {
  return knob.amount && (lang === 'ko' ? knob.amount.labelKo : knob.amount.label);
}

/** The knob of a transform name, if the lab offers it. */
export function knobOf(transform: string): Knob | undefined {
  return TRANSFORM_KNOBS.find((k) => k.transform === transform);
}
