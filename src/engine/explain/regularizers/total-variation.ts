import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';
import type { Regularizer } from './regularizer.ts';

/**
 * Total variation penalty, a frequency penalty on neighbouring-pixel
 * differences (Mahendran & Vedaldi 2015, "Understanding deep image
 * representations by inverting them", eq. 3):
 *   R_TV(I) = weight * sum_{y,x,c} ((I[y,x+1] - I[y,x])^2 + (I[y+1,x] - I[y,x])^2)^(beta/2)
 * beta = 2 (default) is a smooth quadratic; beta = 1 keeps edges sharper.
 */
export function totalVariation(weight: number, beta = 2): Regularizer {
  if (!(weight >= 0)) throw badArgument('totalVariation', 'weight', 'a number >= 0', weight);
  if (!(beta >= 1)) throw badArgument('totalVariation', 'beta', 'a number >= 1', beta);
  return { name: 'total-variation', penalty: (image) => tvPenalty(image, beta).mul(weight) as tf.Scalar };
}

/** sum ((dx^2 + dy^2)^(beta/2)) over the (h-1) x (w-1) pixels that have both neighbours. */
export function tvPenalty(image: tf.Tensor4D, beta = 2): tf.Scalar {
  return tf.tidy(() => {
    const [n, h, w, c] = image.shape;
    const base = image.slice([0, 0, 0, 0], [n, h - 1, w - 1, c]);
    const dx = image.slice([0, 0, 1, 0], [n, h - 1, w - 1, c]).sub(base);
    const dy = image.slice([0, 1, 0, 0], [n, h - 1, w - 1, c]).sub(base);
    const squared = dx.square().add(dy.square());
    // The epsilon keeps the gradient of a power below 1 finite where the image is flat.
    return (beta === 2 ? squared.sum() : squared.add(1e-8).pow(beta / 2).sum()) as tf.Scalar;
  });
}
