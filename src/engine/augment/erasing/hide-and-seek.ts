/**
 * Hide-and-Seek (Singh and Lee, 2017): the image is cut into a grid of
 * cells and each cell is hidden with probability p, filled with a constant
 * grey (the paper uses the dataset's mean), so the network cannot rely on
 * the one most telling part of an object.
 */
import { badArgument } from '../../shared/errors.ts';
import { fillRegion, occlude, rectRegion } from '../occlude.ts';
import { checkProbability } from '../params.ts';
import type { Transform } from '../sample.ts';

export interface HideAndSeekParams {
  /** Cells along each side. */
  grid: number;
  /** Probability of hiding each cell; the paper uses 0.5. */
  p: number;
  fill: number;
}

export interface HideAndSeekOp {
  grid: number;
  /** grid*grid flags, row-major: true where the cell is hidden. */
  hidden: boolean[];
  fill: number;
}

export const hideAndSeek: Transform<HideAndSeekParams, HideAndSeekOp> = {
  name: 'hideAndSeek',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!Number.isInteger(params.grid) || params.grid < 1) throw badArgument('hideAndSeek', 'grid', 'a positive whole number of cells', params.grid);
    checkProbability('hideAndSeek', params.p);
    if (!(params.fill >= 0 && params.fill <= 1)) throw badArgument('hideAndSeek', 'fill', 'a grey level in 0..1', params.fill);
    return { grid: params.grid, hidden: Array.from({ length: params.grid ** 2 }, () => rng.chance(params.p)), fill: params.fill };
  },
  apply(op, input) {
    const covered = hiddenRegion(op, input.size);
    return occlude(input, fillRegion(input.image, covered, () => op.fill), covered);
  },
};

/** The pixels of the hidden cells on an image of side `size`: 1 where hidden. */
export function hiddenRegion(op: HideAndSeekOp, size: number): Uint8Array {
  const edge = (k: number) => Math.floor((k * size) / op.grid);
  const covered = new Uint8Array(size * size);
  op.hidden.forEach((hide, cell) => {
    const [r, c] = [Math.floor(cell / op.grid), cell % op.grid];
    if (hide) rectRegion(size, edge(c), edge(r), edge(c + 1), edge(r + 1), covered);
  });
  return covered;
}
