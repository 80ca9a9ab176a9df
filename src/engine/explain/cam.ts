import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';
import { camFromWeights, checkActivations, type CamMethod } from './cam-base.ts';

/**
 * CAM channel weights (Zhou et al. 2016, Sec. 2): in a network that ends
 * "last conv -> global average pooling -> dense", the class score is
 * S_c = sum_k w_k^c F_k with F_k the average of map k, so the dense layer's
 * column for class c says how much each map counts:
 *   w_k = W[k, c].
 *
 * Equation id (to bind): cam-weights.
 * @param classifier W, the dense kernel [k, classes] (from `classifierKernel`)
 * @param classIndex c, one for all n images or one per image
 * @param n images in the batch (when classIndex is a single number)
 * @returns w, [n, k]; the caller owns it
 */
export function camWeights(classifier: tf.Tensor2D, classIndex: number | readonly number[], n = 1): tf.Tensor2D {
  if (classifier.rank !== 2) throw badArgument('camWeights', 'classifier', 'a dense kernel [k, classes]', `[${classifier.shape}]`);
  const classes = classifier.shape[1];
  const list = typeof classIndex === 'number' ? new Array<number>(n).fill(classIndex) : [...classIndex];
  const bad = list.find((c) => !Number.isInteger(c) || c < 0 || c >= classes);
  if (bad !== undefined || list.length === 0) throw badArgument('camWeights', 'classIndex', `integers in [0, ${classes})`, bad ?? 'none');
  return tf.tidy(() => tf.gather(classifier, tf.tensor1d(list, 'int32'), 1).transpose() as tf.Tensor2D);
}

/**
 * The class activation map M_c(x, y) = sum_k w_k^c f_k(x, y) (Zhou et al. 2016,
 * Sec. 2), through the shared skeleton (ReLU, unscaled).
 *
 * @equation cam-map
 * @param activations f, the last conv layer's output [n, h, w, k]
 * @param classifier W, [k, classes]
 * @returns [n, h, w]; the caller owns it
 */
export function cam(activations: tf.Tensor4D, classifier: tf.Tensor2D, classIndex: number | readonly number[]): tf.Tensor3D {
  checkActivations('cam', activations);
  if (classifier.shape[0] !== activations.shape[3]) {
    throw badArgument('cam', 'classifier', `${activations.shape[3]} rows, one per channel`, `[${classifier.shape}]`, 'CAM needs the dense layer right after GAP of this layer');
  }
  return tf.tidy(() => camFromWeights(activations, camWeights(classifier, classIndex, activations.shape[0])));
}

export const camMethod: CamMethod = {
  id: 'cam',
  label: 'CAM',
  channelWeights({ activations, classifier, classIndex }) {
    if (!classifier || classIndex === undefined) throw badArgument('cam.channelWeights', 'inputs', 'classifier and classIndex', 'neither', 'read them with classifierKernel(model)');
    return camWeights(classifier, classIndex, activations.shape[0]);
  },
};
