/** Rotation by an angle drawn from a range of degrees, about the image centre. */
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { rotation } from '../matrix.ts';
import { drawFrom, type Range } from '../params.ts';

export interface RotateParams extends Partial<Rendering> {
  /** Degrees, counter-clockwise on screen; e.g. [-30, 30]. */
  degrees: Range;
}

export interface RotateOp extends Rendering {
  degrees: number;
}

export const rotate = geometric(
  'rotate',
  (params: RotateParams, rng): RotateOp => ({ ...renderingOf(params), degrees: drawFrom('rotate', 'degrees', params.degrees, rng) }),
  (op, size) => rotation(op.degrees, size / 2, size / 2),
);
