/** Uniform scaling about the image centre by a factor drawn from a range. */
import { badArgument } from '../../shared/errors.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { scaling } from '../matrix.ts';
import { drawFrom, type Range } from '../params.ts';

export interface ScaleParams extends Partial<Rendering> {
  /** Factors, e.g. [0.8, 1.2]; above 1 enlarges. */
  factor: Range;
}

export interface ScaleOp extends Rendering {
  factor: number;
}

export const scale = geometric(
  'scale',
  (params: ScaleParams, rng): ScaleOp => {
    if (!(params.factor?.[0] > 0)) throw badArgument('scale', 'factor', 'a range of positive factors', params.factor);
    return { ...renderingOf(params), factor: drawFrom('scale', 'factor', params.factor, rng) };
  },
  (op, size) => scaling(op.factor, op.factor, size / 2, size / 2),
);
