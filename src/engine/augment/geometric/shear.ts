/** Shear along x and y by angles (degrees) drawn from ranges, about the image centre. */
import { badArgument } from '../../shared/errors.ts';
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { shearing } from '../matrix.ts';
import { drawFrom, type Range } from '../params.ts';

export interface ShearParams extends Partial<Rendering> {
  /** Degrees, each within (-90, 90); e.g. x: [-15, 15], y: [0, 0]. */
  x: Range;
  y: Range;
}

export interface ShearOp extends Rendering {
  x: number;
  y: number;
}

function angle(arg: 'x' | 'y', range: Range, rng: Parameters<typeof drawFrom>[3]): number {
  if (Array.isArray(range) && range.some((a) => Math.abs(a) >= 90)) throw badArgument('shear', arg, 'angles within (-90, 90) degrees', range);
  return drawFrom('shear', arg, range, rng);
}

export const shear = geometric(
  'shear',
  (params: ShearParams, rng): ShearOp => ({ ...renderingOf(params), x: angle('x', params.x, rng), y: angle('y', params.y, rng) }),
  (op, size) => shearing(op.x, op.y, size / 2, size / 2),
);
