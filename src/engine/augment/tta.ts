/**
 * Test-time augmentation: the views of one image a prediction is averaged
 * over, as augment plans (plain data), and the average itself. The views
 * follow Krizhevsky et al. (2012, Sec. 4.1), who averaged the softmax over
 * five 224-pixel crops of a 256-pixel image and their mirror images, scaled
 * to our 64-pixel images: 56-pixel crops (7/8 of the side) resized back to 64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';
import type { Rendering } from './geometric.ts';
import type { Plan } from './plan.ts';

/** The side of a crop as a fraction of the image: 56 of 64 pixels. */
const TTA_CROP = 7 / 8;

/**
 * Bilinear with the edge repeated: a corner crop's outermost output pixels sample up to 1/16 pixel
 * outside the image, which a black border would darken by 6%.
 */
const RENDERING: Rendering = { interpolation: 'bilinear', border: { kind: 'edge' } };
const crop = (x: number, y: number) => ({ name: 'resizedCrop', op: { ...RENDERING, x, y, w: TTA_CROP, h: TTA_CROP } });
const flip = { name: 'horizontalFlip', op: { ...RENDERING, flipped: true } };
const far = 1 - TTA_CROP;
const middle = far / 2;

/** The eight views: the image, its mirror image, the centre and four corner crops, and the mirrored centre crop. */
export const TTA_VIEWS: readonly { name: string; plan: Plan }[] = [
  { name: 'identity', plan: [] },
  { name: 'horizontal flip', plan: [flip] },
  { name: 'centre crop', plan: [crop(middle, middle)] },
  { name: 'top-left crop', plan: [crop(0, 0)] },
  { name: 'top-right crop', plan: [crop(far, 0)] },
  { name: 'bottom-left crop', plan: [crop(0, far)] },
  { name: 'bottom-right crop', plan: [crop(far, far)] },
  { name: 'flipped centre crop', plan: [flip, crop(middle, middle)] },
];

/**
 * The TTA prediction: each image's class probabilities averaged over its views.
 *
 * @equation tta-average
 *   p_TTA(y | x) = (1 / V) sum_{v=1..V} p(y | T_v(x)); probabilities [n, V, K] -> [n, K].
 *   The averaging of Krizhevsky et al. (2012, Sec. 4.1) over ten patches.
 * The caller owns the result.
 */
export function ttaAverage(probabilities: tf.Tensor3D): tf.Tensor2D {
  if (probabilities.rank !== 3 || probabilities.shape[1] < 1) throw badArgument('ttaAverage', 'probabilities', 'a tensor [n, views, classes]', `[${probabilities.shape}]`);
  return tf.tidy(() => probabilities.mean(1) as tf.Tensor2D);
}
