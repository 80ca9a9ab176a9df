/**
 * The loss a network is trained with on a mixed image: cross-entropy against
 * the soft label instead of a one-hot one.
 */
import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';

/**
 * Cross-entropy of the softmax of `logits` against soft labels y:
 * L = -sum_k y_k log p_k with p = softmax(z), computed as
 * -sum_k y_k (z_k - logsumexp(z)) so that a tiny p_k never becomes log 0.
 * As sum_k y_k = 1 and y = lambda y_a + (1 - lambda) y_b, it equals
 * lambda L(y_a) + (1 - lambda) L(y_b): the mixed loss of Zhang et al. (2018)
 * and Yun et al. (2019, Eq. 1's label).
 *
 * @param logits [n, K]
 * @param labels [n, K], each row a probability vector
 * @returns [n]; the caller owns it
 * @equation soft-label-cross-entropy
 */
export function softCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Tensor1D {
  if (logits.rank !== 2 || labels.rank !== 2 || logits.shape.some((d, i) => d !== labels.shape[i])) {
    throw badArgument('softCrossEntropy', 'labels', `a tensor of the logits' shape [${logits.shape}]`, `[${labels.shape}]`);
  }
  return tf.tidy(() => tf.logSoftmax(logits).mul(labels).sum(1).neg() as tf.Tensor1D);
}
