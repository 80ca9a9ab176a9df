import type { BatchOp } from '../../../src/engine/augment/batch/policy.ts';
import { cutout } from '../../../src/engine/augment/erasing/cutout.ts';
import { hideAndSeek } from '../../../src/engine/augment/erasing/hide-and-seek.ts';
import { horizontalFlip } from '../../../src/engine/augment/geometric/flip.ts';
import { resizedCrop } from '../../../src/engine/augment/geometric/resized-crop.ts';
import { cutmix } from '../../../src/engine/augment/mixing/cutmix.ts';
import { mixup } from '../../../src/engine/augment/mixing/mixup.ts';
import { brightness } from '../../../src/engine/augment/photometric/brightness.ts';
import { contrast } from '../../../src/engine/augment/photometric/contrast.ts';
import { saturation } from '../../../src/engine/augment/photometric/saturation.ts';
import type { AugSample } from '../../../src/engine/augment/sample.ts';

/**
 * A batch op the long way, in plain JavaScript with no tensors: every image
 * through the single-image transforms in turn, then the pair transform with
 * its partner. labels[b] is image b's label as a row of weights.
 */
export function singleImagePath(op: BatchOp, inputs: AugSample[], labels: number[][]): { images: Float32Array[]; labels: number[][] } {
  const moved = inputs.map((input, b) => {
    const ops = op.images[b]!;
    let s = input;
    if (ops.crop) s = resizedCrop.apply(ops.crop, s);
    if (ops.flip) s = horizontalFlip.apply(ops.flip, s);
    if (ops.colour) {
      s = brightness.apply({ factor: ops.colour.brightness }, s);
      s = contrast.apply({ factor: ops.colour.contrast }, s);
      s = saturation.apply({ factor: ops.colour.saturation }, s);
    }
    if (ops.cutout) s = cutout.apply(ops.cutout, s);
    if (ops.hideAndSeek) s = hideAndSeek.apply(ops.hideAndSeek, s);
    return s;
  });
  const { mix } = op;
  if (!mix) return { images: moved.map((s) => s.image), labels };
  const pair = mix.kind === 'mixup' ? mixup : cutmix;
  const mixed = moved.map((s, b) => pair.apply(mix.op as never, s, moved[mix.partner[b]!]!));
  const mixedLabels = mixed.map(({ weights: [wa, wb] }, b) => labels[b]!.map((v, c) => wa! * v + wb! * labels[mix.partner[b]!]![c]!));
  return { images: mixed.map((m) => m.sample.image), labels: mixedLabels };
}
