/**
 * Cutout (DeVries and Taylor, 2017): one square of side `side` pixels,
 * centred anywhere in the image (so it may hang over the edge), filled with
 * a constant grey.
 */
import { badArgument } from '../../shared/errors.ts';
import { fillRegion, occlude, rectRegion } from '../occlude.ts';
import type { Transform } from '../sample.ts';

export interface CutoutParams {
  /** Side of the square, pixels. */
  side: number;
  /** Grey level of the fill, 0..1 (the dataset's mean hides the least information about colour). */
  fill: number;
}

export interface CutoutOp {
  /** Centre of the square, as fractions of the side. */
  cx: number;
  cy: number;
  side: number;
  fill: number;
}

export const cutout: Transform<CutoutParams, CutoutOp> = {
  name: 'cutout',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!Number.isInteger(params.side) || params.side < 1) throw badArgument('cutout', 'side', 'a positive whole number of pixels', params.side);
    if (!(params.fill >= 0 && params.fill <= 1)) throw badArgument('cutout', 'fill', 'a grey level in 0..1', params.fill);
    // The centre is drawn as a fraction and placed on the image by `apply`, so the op works at any size.
    return { cx: rng.next(), cy: rng.next(), side: params.side, fill: params.fill };
  },
  apply(op, input) {
    const covered = cutoutRegion(op, input.size);
    return occlude(input, fillRegion(input.image, covered, () => op.fill), covered);
  },
};

/** The pixels the square covers on an image of side `size`: 1 inside, clipped at the border. */
export function cutoutRegion(op: CutoutOp, size: number): Uint8Array {
  const x0 = Math.floor(op.cx * size) - Math.floor(op.side / 2);
  const y0 = Math.floor(op.cy * size) - Math.floor(op.side / 2);
  return rectRegion(size, x0, y0, x0 + op.side, y0 + op.side);
}
