import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';

/**
 * p(c | x) for each image of a batch: the model's own output (its softmax)
 * at each image's class, the score Petsiuk et al. (2018, Sec. 4.1) follow
 * along the deletion and insertion curves.
 *
 * @param images [n, h, w, c]
 * @param classIndex c, one for all images or one per image
 * @returns [n]; the caller owns it
 */
export function classProbability(model: tfl.LayersModel, images: tf.Tensor4D, classIndex: number | readonly number[]): tf.Tensor1D {
  if (images.rank !== 4) throw badArgument('classProbability', 'images', 'a batch [n, h, w, c]', `[${images.shape}]`);
  const n = images.shape[0];
  const classes = (model.outputs[0]!.shape.at(-1) ?? 0) as number;
  const list = typeof classIndex === 'number' ? new Array<number>(n).fill(classIndex) : [...classIndex];
  const bad = list.find((c) => !Number.isInteger(c) || c < 0 || c >= classes);
  if (list.length !== n || bad !== undefined) {
    throw badArgument('classProbability', 'classIndex', `an integer in [0, ${classes}) or ${n} of them`, list.length !== n ? list : bad);
  }
  return tf.tidy(() => {
    const probabilities = model.predict(images) as tf.Tensor2D;
    const picked = tf.oneHot(tf.tensor1d(list, 'int32'), classes).toFloat();
    return probabilities.mul(picked).sum(1) as tf.Tensor1D;
  });
}
