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
  /** What the slider sets, or undefined for a transform without one (the flips). */
  amount?: { label: string; min: number; max: number; step: number; start: number };
  /** Whether the seed draws part of the op (crop position and shape, the perspective's corners). */
  seeded: boolean;
  geometric: boolean;
}

export const TRANSFORM_KNOBS: readonly Knob[] = [
  { transform: 'rotate', label: 'Rotation', amount: { label: 'angle θ (degrees)', min: -180, max: 180, step: 1, start: 30 }, seeded: false, geometric: true },
  { transform: 'horizontalFlip', label: 'Horizontal flip', seeded: false, geometric: true },
  { transform: 'verticalFlip', label: 'Vertical flip', seeded: false, geometric: true },
  { transform: 'translate', label: 'Translation', amount: { label: 'shift t, right and down (fraction of the side)', min: -0.4, max: 0.4, step: 0.01, start: 0.15 }, seeded: false, geometric: true },
  { transform: 'scale', label: 'Scale', amount: { label: 'factor s', min: 0.5, max: 2, step: 0.05, start: 1.3 }, seeded: false, geometric: true },
  { transform: 'shear', label: 'Shear (along x)', amount: { label: 'angle φ (degrees)', min: -45, max: 45, step: 1, start: 20 }, seeded: false, geometric: true },
  { transform: 'resizedCrop', label: 'Random resized crop', amount: { label: 'area kept (fraction)', min: 0.1, max: 1, step: 0.05, start: 0.4 }, seeded: true, geometric: true },
  { transform: 'perspective', label: 'Perspective', amount: { label: 'distortion d', min: 0, max: 1, step: 0.05, start: 0.6 }, seeded: true, geometric: true },
  { transform: 'brightness', label: 'Brightness', amount: { label: 'factor', min: 0.2, max: 2, step: 0.05, start: 1.5 }, seeded: false, geometric: false },
  { transform: 'contrast', label: 'Contrast', amount: { label: 'factor', min: 0, max: 2, step: 0.05, start: 1.6 }, seeded: false, geometric: false },
  { transform: 'saturation', label: 'Saturation', amount: { label: 'factor', min: 0, max: 2, step: 0.05, start: 0.2 }, seeded: false, geometric: false },
  { transform: 'hue', label: 'Hue', amount: { label: 'shift (turns of the colour wheel)', min: -0.5, max: 0.5, step: 0.01, start: 0.25 }, seeded: false, geometric: false },
  { transform: 'gamma', label: 'Gamma', amount: { label: 'γ', min: 0.3, max: 3, step: 0.05, start: 2 }, seeded: false, geometric: false },
];

/** The knob of a transform name, if the lab offers it. */
export function knobOf(transform: string): Knob | undefined {
  return TRANSFORM_KNOBS.find((k) => k.transform === transform);
}
