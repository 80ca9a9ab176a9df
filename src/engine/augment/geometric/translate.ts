/** Translation by fractions of the image side, drawn from a range along each axis. */
import { geometric, renderingOf, type Rendering } from '../geometric.ts';
import { translation } from '../matrix.ts';
import { drawFrom, type Range } from '../params.ts';

export interface TranslateParams extends Partial<Rendering> {
  /** Fractions of the side, e.g. [-0.2, 0.2]; positive moves right and down. */
  x: Range;
  y: Range;
}

export interface TranslateOp extends Rendering {
  /** Fractions of the side. */
  x: number;
  y: number;
}

export const translate = geometric(
  'translate',
  (params: TranslateParams, rng): TranslateOp => ({ ...renderingOf(params), x: drawFrom('translate', 'x', params.x, rng), y: drawFrom('translate', 'y', params.y, rng) }),
  (op, size) => translation(op.x * size, op.y * size),
);
