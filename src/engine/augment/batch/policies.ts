/**
 * The named training policies a batch can be augmented with, as data, so the
 * training experiment and its browser lab train on exactly the same draws.
 * Settings follow each paper's choice for small images, scaled to 64 pixels.
 */
import type { BatchPolicy } from './policy.ts';

const CROP = { scale: [0.35, 1], ratio: [3 / 4, 4 / 3] } as const;

export const BATCH_POLICIES = {
  none: {},
  /** Inception-style crop (torchvision's default ratio) and a horizontal flip half the time. */
  'flips-crops': { crop: { scale: [...CROP.scale], ratio: [...CROP.ratio] }, flip: 0.5 },
  /** Brightness, contrast and saturation jitter of up to 40%. */
  colour: { colour: { brightness: [0.6, 1.4], contrast: [0.6, 1.4], saturation: [0.6, 1.4] } },
  /** DeVries and Taylor's best CIFAR-10 square was half the image's side. */
  cutout: { cutout: { side: 32, fill: 0.5 } },
  /** Singh and Lee's p = 0.5, on a 4 x 4 grid of 16-pixel cells. */
  'hide-and-seek': { hideAndSeek: { grid: 4, p: 0.5, fill: 0.5 } },
  /** Zhang et al.'s ImageNet alpha. */
  mixup: { mixup: { alpha: 0.2 } },
  /** Yun et al.'s alpha = 1: lambda uniform. */
  cutmix: { cutmix: { alpha: 1 } },
  combination: { crop: { scale: [...CROP.scale], ratio: [...CROP.ratio] }, flip: 0.5, colour: { brightness: [0.6, 1.4], contrast: [0.6, 1.4], saturation: [0.6, 1.4] }, cutmix: { alpha: 1 } },
} satisfies Record<string, BatchPolicy>;

export type BatchPolicyName = keyof typeof BATCH_POLICIES;
