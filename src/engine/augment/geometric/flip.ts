/** Horizontal and vertical flips, each taken with probability p: x' = size - x, or y' = size - y. */
import { IDENTITY, type Matrix } from '../matrix.ts';
import { badArgument } from '../../shared/errors.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';

export interface FlipParams extends Partial<Rendering> {
  /** Probability of flipping, 0..1. */
  p: number;
}

export interface FlipOp extends Rendering {
  flipped: boolean;
}

function sampler(name: string) {
  return (params: FlipParams, rng: { chance(p: number): boolean }): FlipOp => {
    if (!(params.p >= 0 && params.p <= 1)) throw badArgument(name, 'p', 'a probability in 0..1', params.p);
    return { ...renderingOf(params), flipped: rng.chance(params.p) };
  };
}

export const horizontalFlip = geometric('horizontalFlip', sampler('horizontalFlip'), (op, size): Matrix => (op.flipped ? [-1, 0, size, 0, 1, 0, 0, 0, 1] : IDENTITY));

export const verticalFlip = geometric('verticalFlip', sampler('verticalFlip'), (op, size): Matrix => (op.flipped ? [1, 0, 0, 0, -1, size, 0, 0, 1] : IDENTITY));
