/**
 * A training batch's augmentation as data: what a policy asks for, and the
 * op it draws for one batch with the single-image transforms' own samplers,
 * so a batch augmented on tensors is the same draw, image for image, as the
 * single-image path (tests check both give the same pixels).
 */
import type { Rng } from '../../shared/rng.ts';
import { permutation } from '../../shared/rng.ts';
import { cutout, type CutoutOp, type CutoutParams } from '../erasing/cutout.ts';
import { hideAndSeek, type HideAndSeekOp, type HideAndSeekParams } from '../erasing/hide-and-seek.ts';
import { horizontalFlip, type FlipOp } from '../geometric/flip.ts';
import { resizedCrop, type ResizedCropOp, type ResizedCropParams } from '../geometric/resized-crop.ts';
import { cutmix, type CutMixParams } from '../mixing/cutmix.ts';
import { mixup, type MixupParams } from '../mixing/mixup.ts';
import type { Range } from '../params.ts';
import { brightness } from '../photometric/brightness.ts';
import { contrast } from '../photometric/contrast.ts';
import { saturation } from '../photometric/saturation.ts';
import type { ColourFactors } from './colour.ts';
import type { BatchMix } from './mix.ts';

/** What to do to every image of a batch; a missing part is not done. Mixup and CutMix exclude each other. */
export interface BatchPolicy {
  crop?: ResizedCropParams;
  /** Probability of a horizontal flip. */
  flip?: number;
  colour?: { brightness: Range; contrast: Range; saturation: Range };
  cutout?: CutoutParams;
  hideAndSeek?: HideAndSeekParams;
  mixup?: MixupParams;
  cutmix?: CutMixParams;
}

/** One image's draw: its crop and flip (applied in that order), colour factors and erasing. */
export interface ImageOps {
  crop?: ResizedCropOp;
  flip?: FlipOp;
  colour?: ColourFactors;
  cutout?: CutoutOp;
  hideAndSeek?: HideAndSeekOp;
}

export interface BatchOp {
  images: ImageOps[];
  mix?: BatchMix;
}

/** The op for a batch of n images: each image's draws in turn, then the batch's mixing and its shuffle. */
export function sampleBatchOp(policy: BatchPolicy, n: number, rng: Rng): BatchOp {
  const images = Array.from({ length: n }, (): ImageOps => {
    const ops: ImageOps = {};
    if (policy.crop) ops.crop = resizedCrop.sample(policy.crop, rng);
    if (policy.flip !== undefined) ops.flip = horizontalFlip.sample({ p: policy.flip }, rng);
    if (policy.colour) {
      const { brightness: b, contrast: c, saturation: s } = policy.colour;
      ops.colour = { brightness: brightness.sample({ factor: b }, rng).factor, contrast: contrast.sample({ factor: c }, rng).factor, saturation: saturation.sample({ factor: s }, rng).factor };
    }
    if (policy.cutout) ops.cutout = cutout.sample(policy.cutout, rng);
    if (policy.hideAndSeek) ops.hideAndSeek = hideAndSeek.sample(policy.hideAndSeek, rng);
    return ops;
  });
  if (policy.mixup && policy.cutmix) throw new Error('sampleBatchOp(policy): expected Mixup or CutMix, got both; a batch is mixed once');
  const partner = () => Array.from(permutation(n, rng));
  if (policy.mixup) return { images, mix: { kind: 'mixup', op: mixup.sample(policy.mixup, rng), partner: partner() } };
  if (policy.cutmix) return { images, mix: { kind: 'cutmix', op: cutmix.sample(policy.cutmix, rng), partner: partner() } };
  return { images };
}
