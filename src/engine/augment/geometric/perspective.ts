/**
 * Perspective: each image corner moves inwards by up to `distortion` times
 * half the side (as torchvision's RandomPerspective draws them), and the
 * image follows the homography from the corners to the moved corners.
 */
import { badArgument } from '../../shared/errors.ts';
import type { Rng } from '../../shared/rng.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { homography, type Quad } from '../homography.ts';

export interface PerspectiveParams extends Partial<Rendering> {
  /** 0..1: how far, as a fraction of half the side, a corner may move inwards. */
  distortion: number;
}

export interface PerspectiveOp extends Rendering {
  /** The moved corners (top-left, top-right, bottom-right, bottom-left) as fractions of the side. */
  corners: Quad;
}

function sample(params: PerspectiveParams, rng: Rng): PerspectiveOp {
  const d = params.distortion;
  if (!(d >= 0 && d <= 1)) throw badArgument('perspective', 'distortion', 'a number in 0..1', d);
  const inward = () => rng.range(0, d / 2);
  const corners: Quad = [
    [inward(), inward()],
    [1 - inward(), inward()],
    [1 - inward(), 1 - inward()],
    [inward(), 1 - inward()],
  ];
  return { ...renderingOf(params), corners };
}

export const perspective = geometric('perspective', sample, (op, size) => {
  const whole: Quad = [[0, 0], [size, 0], [size, size], [0, size]];
  return homography(whole, op.corners.map(([x, y]) => [x * size, y * size]) as Quad);
});
