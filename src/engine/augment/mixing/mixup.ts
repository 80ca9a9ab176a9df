/**
 * Mixup (Zhang et al., 2018): x = lambda x_a + (1 - lambda) x_b with the
 * same weights on the labels, lambda ~ Beta(alpha, alpha). Both scenes'
 * objects stay in the picture, each at partial strength.
 */
import { badArgument } from '../../shared/errors.ts';
import { beta } from '../beta.ts';
import type { AugSample } from '../sample.ts';
import { bothObjects, type Mixed, type PairTransform } from './pair.ts';

export interface MixupParams {
  /** Beta's shape; the paper uses 0.1 to 0.4 on ImageNet, 1 gives a uniform lambda. */
  alpha: number;
}

export interface MixupOp {
  lambda: number;
}

/**
 * Mixup's mixing (Zhang et al., 2018, Eq. 1): every pixel is the convex
 * combination x = lambda x_a + (1 - lambda) x_b, and the label weights are
 * [lambda, 1 - lambda] (the soft label lambda y_a + (1 - lambda) y_b).
 *
 * @param a, b samples of the same side s, images s*s*3
 * @returns the mixed sample (both inputs' objects) and its two label weights
 * @equation mixup
 */
export function mixUp(op: MixupOp, a: AugSample, b: AugSample): Mixed {
  if (a.size !== b.size) throw badArgument('mixup', 'b', `an image of side ${a.size}`, b.size);
  const l = op.lambda;
  const image = a.image.map((v, k) => l * v + (1 - l) * b.image[k]!);
  return { sample: { size: a.size, image, ...bothObjects(a, b) }, weights: [l, 1 - l] };
}

export const mixup: PairTransform<MixupParams, MixupOp, Mixed> = {
  name: 'mixup',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!(params.alpha > 0)) throw badArgument('mixup', 'alpha', 'a positive shape', params.alpha);
    return { lambda: beta(params.alpha, params.alpha, rng) };
  },
  apply: mixUp,
};
