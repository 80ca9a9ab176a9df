/**
 * Mixup (Zhang et al., 2018): x = lambda x_a + (1 - lambda) x_b with the
 * same weights on the labels, lambda ~ Beta(alpha, alpha). Both scenes'
 * objects stay in the picture, each at partial strength.
 */
import { badArgument } from '../../shared/errors.ts';
import { beta } from '../beta.ts';
import { bothObjects, type Mixed, type PairTransform } from './pair.ts';

export interface MixupParams {
  /** Beta's shape; the paper uses 0.1 to 0.4 on ImageNet, 1 gives a uniform lambda. */
  alpha: number;
}

export interface MixupOp {
  lambda: number;
}

export const mixup: PairTransform<MixupParams, MixupOp, Mixed> = {
  name: 'mixup',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    if (!(params.alpha > 0)) throw badArgument('mixup', 'alpha', 'a positive shape', params.alpha);
    return { lambda: beta(params.alpha, params.alpha, rng) };
  },
  apply(op, a, b) {
    if (a.size !== b.size) throw badArgument('mixup', 'b', `an image of side ${a.size}`, b.size);
    const l = op.lambda;
    const image = a.image.map((v, k) => l * v + (1 - l) * b.image[k]!);
    return { sample: { size: a.size, image, ...bothObjects(a, b) }, weights: [l, 1 - l] };
  },
};
