/** Horizontal and vertical flips, each taken with probability p: x' = size - x, or y' = size - y. */
import type { Rng } from '../../shared/rng.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { IDENTITY, type Matrix } from '../matrix.ts';
import { drawApplied } from '../params.ts';

export interface FlipParams extends Partial<Rendering> {
  /** Probability of flipping, 0..1. */
  p: number;
}

export interface FlipOp extends Rendering {
  flipped: boolean;
}

function sampler(name: string) {
  return (params: FlipParams, rng: Rng): FlipOp => ({ ...renderingOf(params), flipped: drawApplied(name, params.p, rng) });
}

export const horizontalFlip = geometric('horizontalFlip', sampler('horizontalFlip'), (op, size): Matrix => (op.flipped ? [-1, 0, size, 0, 1, 0, 0, 0, 1] : IDENTITY));

export const verticalFlip = geometric('verticalFlip', sampler('verticalFlip'), (op, size): Matrix => (op.flipped ? [1, 0, 0, 0, -1, size, 0, 0, 1] : IDENTITY));
