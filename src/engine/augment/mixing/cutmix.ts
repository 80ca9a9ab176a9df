/**
 * CutMix (Yun et al., 2019): a box of b is pasted into a. Its sides are
 * sqrt(1 - lambda) times the image's, lambda ~ Beta(alpha, alpha), centred
 * anywhere and clipped at the border; the label weights are then the exact
 * area ratio of the box as pasted, so label and pixels agree.
 */
import { badArgument } from '../../shared/errors.ts';
import { beta } from '../beta.ts';
import { fillRegion, occlude, rectRegion } from '../occlude.ts';
import type { AugSample, Box } from '../sample.ts';
import { bothObjects, type Mixed, type PairTransform } from './pair.ts';

export interface CutMixParams {
  /** Beta's shape; the paper uses 1 (a uniform lambda). */
  alpha: number;
}

export interface CutMixOp {
  /** Lambda as drawn, before clipping the box. */
  lambda: number;
  /** Centre of the box, as fractions of the side. */
  cx: number;
  cy: number;
}

/** The box as drawn, edges rounded to whole pixels, before clipping: it may reach past the image. */
function drawnBox(op: CutMixOp, size: number): Box {
  const side = size * Math.sqrt(1 - op.lambda);
  return [op.cx * size - side / 2, op.cy * size - side / 2, op.cx * size + side / 2, op.cy * size + side / 2].map(Math.round) as Box;
}

/** The pasted box on an image of side `size`, in pixels, clipped to the image. */
export function cutBox(op: CutMixOp, size: number): Box {
  return drawnBox(op, size).map((v) => Math.min(size, Math.max(0, v))) as Box;
}

/** Whether the image's border cut the box (else its area differs from 1 - lambda only by rounding to whole pixels). */
export function cutBoxClipped(op: CutMixOp, size: number): boolean {
  return drawnBox(op, size).some((v) => v < 0 || v > size);
}

/**
 * CutMix's mask and label (Yun et al., 2019, Eq. 1): x = M * x_a + (1 - M) * x_b
 * with M the binary mask that is 0 inside the pasted box B, and label weights
 * [1 - |B| / (W H), |B| / (W H)], the box's exact share of the image as pasted
 * (after clipping at the border, so it can differ from 1 - lambda as drawn).
 *
 * @param a, b samples of the same side s, images s*s*3
 * @returns the mixed sample (a's objects outside B, b's inside) and its two label weights
 * @equation cutmix
 */
export function cutMix(op: CutMixOp, a: AugSample, b: AugSample): Mixed {
  const { size } = a;
  if (b.size !== size) throw badArgument('cutmix', 'b', `an image of side ${size}`, b.size);
  const [x0, y0, x1, y1] = cutBox(op, size);
  const pasted = rectRegion(size, x0, y0, x1, y1);
  const image = fillRegion(a.image, pasted, (p, ch) => b.image[3 * p + ch]!);
  const kept = occlude(a, image, pasted);
  // b's objects are seen only inside the box: everything outside it covers them.
  const seen = occlude(b, image, pasted.map((v) => 1 - v));
  const share = ((x1 - x0) * (y1 - y0)) / (size * size);
  return { sample: { size, image, ...bothObjects(kept, seen) }, weights: [1 - share, share] };
}

export const cutmix: PairTransform<CutMixParams, CutMixOp, Mixed> = {
  name: 'cutmix',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!(params.alpha > 0)) throw badArgument('cutmix', 'alpha', 'a positive shape', params.alpha);
    return { lambda: beta(params.alpha, params.alpha, rng), cx: rng.next(), cy: rng.next() };
  },
  apply: cutMix,
};
