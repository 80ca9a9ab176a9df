/**
 * Random erasing (Zhong et al., 2020): with probability p, a rectangle with
 * a fraction of the area from `area` and an aspect ratio from `ratio` is
 * placed wholly inside the image and filled with uniform random values.
 */
import { badArgument } from '../../shared/errors.ts';
import { createRng, type Rng } from '../../shared/rng.ts';
import { fillRegion, occlude, rectRegion } from '../occlude.ts';
import { checkProbability, type Range } from '../params.ts';
import type { Transform } from '../sample.ts';

export interface RandomErasingParams {
  p: number;
  /** Fractions of the image area; the paper uses [0.02, 0.4]. */
  area: Range;
  /** Height over width; the paper uses [0.3, 1 / 0.3]. */
  ratio: Range;
}

export interface RandomErasingOp {
  /** The rectangle as fractions of the side (left, top, width, height), or null when nothing is erased. */
  rect: [number, number, number, number] | null;
  /** Seed of the fill's random values. */
  seed: number;
}

/** Ten tries for a rectangle that fits, as torchvision makes (the paper's code makes 100). */
const TRIES = 10;

function place(params: RandomErasingParams, rng: Rng): RandomErasingOp['rect'] {
  for (let t = 0; t < TRIES; t++) {
    const area = rng.range(params.area[0], params.area[1]);
    const ratio = rng.range(params.ratio[0], params.ratio[1]);
    const h = Math.sqrt(area * ratio);
    const w = Math.sqrt(area / ratio);
    if (w < 1 && h < 1) return [rng.range(0, 1 - w), rng.range(0, 1 - h), w, h];
  }
  return null;
}

export const randomErasing: Transform<RandomErasingParams, RandomErasingOp> = {
  name: 'randomErasing',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    checkProbability('randomErasing', params.p);
    const [a0, a1] = params.area ?? [];
    const [r0, r1] = params.ratio ?? [];
    if (!(a0! > 0 && a0! <= a1! && a1! < 1)) throw badArgument('randomErasing', 'area', 'area fractions [lo, hi] with 0 < lo <= hi < 1', params.area);
    if (!(r0! > 0 && r0! <= r1!)) throw badArgument('randomErasing', 'ratio', 'ratios [lo, hi] with 0 < lo <= hi', params.ratio);
    const rect = rng.chance(params.p) ? place(params, rng) : null;
    return { rect, seed: rng.int(2 ** 32) };
  },
  apply(op, input) {
    if (!op.rect) return input;
    const { size } = input;
    const [x, y, w, h] = op.rect;
    const x0 = Math.round(x * size);
    const y0 = Math.round(y * size);
    const covered = rectRegion(size, x0, y0, x0 + Math.max(1, Math.round(w * size)), y0 + Math.max(1, Math.round(h * size)));
    const noise = createRng(op.seed);
    return occlude(input, fillRegion(input.image, covered, () => noise.next()), covered);
  },
};
