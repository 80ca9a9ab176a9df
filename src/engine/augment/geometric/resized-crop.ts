/**
 * Random resized crop (Inception's training crop, as torchvision draws it): a
 * region with a fraction of the area from `scale` and an aspect ratio drawn
 * log-uniformly from `ratio`, enlarged to the whole image. After ten draws
 * that do not fit, the whole image is kept.
 */
import { badArgument } from '../../shared/errors.ts';
import type { Rng } from '../../shared/rng.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { compose, scaling, translation } from '../matrix.ts';
import type { Range } from '../params.ts';

export interface ResizedCropParams extends Partial<Rendering> {
  /** Fractions of the image area, e.g. [0.08, 1]. */
  scale: Range;
  /** Width over height, e.g. [3/4, 4/3]. */
  ratio: Range;
}

export interface ResizedCropOp extends Rendering {
  /** The crop, as fractions of the side: left, top, width, height. */
  x: number;
  y: number;
  w: number;
  h: number;
}

const TRIES = 10;

function sample(params: ResizedCropParams, rng: Rng): ResizedCropOp {
  const [s0, s1] = params.scale ?? [];
  const [r0, r1] = params.ratio ?? [];
  if (!(s0! > 0 && s0! <= s1! && s1! <= 1)) throw badArgument('resizedCrop', 'scale', 'area fractions [lo, hi] with 0 < lo <= hi <= 1', params.scale);
  if (!(r0! > 0 && r0! <= r1!)) throw badArgument('resizedCrop', 'ratio', 'aspect ratios [lo, hi] with 0 < lo <= hi', params.ratio);
  for (let t = 0; t < TRIES; t++) {
    const area = rng.range(s0!, s1!);
    const ratio = Math.exp(rng.range(Math.log(r0!), Math.log(r1!)));
    const w = Math.sqrt(area * ratio);
    const h = Math.sqrt(area / ratio);
    if (w <= 1 && h <= 1) return { ...renderingOf(params), x: rng.range(0, 1 - w), y: rng.range(0, 1 - h), w, h };
  }
  return { ...renderingOf(params), x: 0, y: 0, w: 1, h: 1 };
}

export const resizedCrop = geometric('resizedCrop', sample, (op, size) => compose(translation(-op.x * size, -op.y * size), scaling(1 / op.w, 1 / op.h, 0, 0)));
