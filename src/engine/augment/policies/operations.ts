/**
 * The operations RandAugment and TrivialAugment choose from, and how a
 * magnitude bin k of `bins` becomes each one's op, as torchvision defines
 * them: shear factor, translation, rotation and the four enhancement factors
 * grow linearly with k (with a random sign), posterize loses bits and
 * solarize lowers its threshold as k grows. One difference: torchvision
 * shears about the top-left corner, these shears turn about the centre, so
 * less of the image leaves the frame.
 */
import type { Rng } from '../../shared/rng.ts';
import type { Rendering } from '../geometric.ts';
import type { PlanStep } from '../plan.ts';

/** The largest magnitude of each kind: RandAugment's standard space, or TrivialAugment's wide one. */
export interface Space {
  /** Shear factor (tan of the angle). */
  shear: number;
  /** Fraction of the side. */
  translate: number;
  /** Degrees. */
  rotate: number;
  /** Added to or taken from the factor 1 of brightness, colour, contrast and sharpness. */
  enhance: number;
  /** Bits posterize may drop. */
  bits: number;
}

/** torchvision's RandAugment space: shear 0.3, translation 150/331 of the side, 30 degrees, 0.9, 4 bits. */
export const STANDARD: Space = { shear: 0.3, translate: 150 / 331, rotate: 30, enhance: 0.9, bits: 4 };
/** TrivialAugment's wide space: 0.99, 32 pixels (half our 64-pixel side), 135 degrees, 0.99, 6 bits. */
export const WIDE: Space = { shear: 0.99, translate: 0.5, rotate: 135, enhance: 0.99, bits: 6 };

/** Geometric ops resample as torchvision's policies do by default: nearest neighbour, black border. */
const RENDERING: Rendering = { interpolation: 'nearest', border: { kind: 'constant', value: 0 } };

export const OPERATIONS = [
  'Identity', 'ShearX', 'ShearY', 'TranslateX', 'TranslateY', 'Rotate', 'Brightness', 'Color', 'Contrast', 'Sharpness', 'Posterize', 'Solarize', 'AutoContrast', 'Equalize',
] as const;

export type Operation = (typeof OPERATIONS)[number] | 'Invert';

/** One operation a policy drew, as the reader sees it: its name, its magnitude bin of `bins`, and the step it became (null for Identity). */
export interface DrawnOperation {
  operation: Operation;
  bin: number;
  bins: number;
  step: PlanStep | null;
}

/** The plan of a policy's draw: its steps in order, Identity left out. */
export function planOf(drawn: readonly DrawnOperation[]): PlanStep[] {
  return drawn.flatMap((d) => (d.step ? [d.step] : []));
}

/** The step for `operation` at bin k of `bins` (k = 0 is no change); null for Identity. */
export function stepFor(operation: Operation, k: number, bins: number, space: Space, rng: Rng): PlanStep | null {
  const m = bins > 1 ? k / (bins - 1) : 0;
  const signed = () => (rng.chance(0.5) ? -m : m);
  const degrees = (factor: number) => (Math.atan(factor) * 180) / Math.PI;
  switch (operation) {
    case 'Identity':
      return null;
    case 'ShearX':
      return { name: 'shear', op: { ...RENDERING, x: degrees(signed() * space.shear), y: 0 } };
    case 'ShearY':
      return { name: 'shear', op: { ...RENDERING, x: 0, y: degrees(signed() * space.shear) } };
    case 'TranslateX':
      return { name: 'translate', op: { ...RENDERING, x: signed() * space.translate, y: 0 } };
    case 'TranslateY':
      return { name: 'translate', op: { ...RENDERING, x: 0, y: signed() * space.translate } };
    case 'Rotate':
      return { name: 'rotate', op: { ...RENDERING, degrees: signed() * space.rotate } };
    case 'Brightness':
      return { name: 'brightness', op: { factor: 1 + signed() * space.enhance } };
    case 'Color':
      return { name: 'saturation', op: { factor: 1 + signed() * space.enhance } };
    case 'Contrast':
      return { name: 'contrast', op: { factor: 1 + signed() * space.enhance } };
    case 'Sharpness':
      return { name: 'sharpness', op: { factor: 1 + signed() * space.enhance } };
    case 'Posterize':
      return { name: 'posterize', op: { bits: 8 - Math.round(m * space.bits) } };
    case 'Solarize':
      // torchvision's threshold on float images runs from 1 down to 0 (at k = 0 only pure white is inverted).
      return { name: 'solarize', op: { threshold: 1 - m } };
    case 'AutoContrast':
      return { name: 'autocontrast', op: { applied: true } };
    case 'Equalize':
      return { name: 'equalize', op: { applied: true } };
    case 'Invert':
      return { name: 'solarize', op: { threshold: 0 } };
  }
}
