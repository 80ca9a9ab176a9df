import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classScores } from '../probe/probe.ts';
import { badArgument } from '../shared/errors.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from './scene-input.ts';

/** A class's logit S_c and its softmax probability. */
export interface ClassScore {
  score: number;
  probability: number;
}

/** One grey square: its top-left corner, side, and the grey level written under it. */
export interface Patch {
  top: number;
  left: number;
  size: number;
  fill: number;
}

/** The image's score, the occluded copy's score, and the drop S_c(I) - S_c(occluded). */
export interface OccludedScore {
  baseline: ClassScore;
  occluded: ClassScore;
  drop: number;
}

/** image * (1 - m) + fill * m for a batch of masks [n, H * W]: the occluded copies [n, H, W, 3]. */
export function occlude(image: tf.Tensor3D, masks: Float32Array, count: number, fill: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [h, w] = image.shape;
    const m = tf.tensor4d(masks, [count, h, w, 1]);
    return image.expandDims(0).mul(tf.scalar(1).sub(m)).add(m.mul(fill)) as tf.Tensor4D;
  });
}

/** Logits and probabilities of class c for a batch, as [2, n]: one readback for both. */
export function scoresOf(model: LayersModel, images: tf.Tensor4D, classIndex: number): tf.Tensor2D {
  return tf.tidy(() => {
    const logits = classScores(model, images);
    const c = tf.tensor1d([classIndex], 'int32');
    return tf.concat([logits.gather(c, 1), tf.softmax(logits).gather(c, 1)], 1).transpose() as tf.Tensor2D;
  });
}

/**
 * The live read-out of the occlusion explorer: the class score with and
 * without one grey patch, from one forward pass of a batch of two images. The
 * patch may sit anywhere, not only on the sweep's stride grid.
 *
 * @param image 64 x 64 x 3 floats in [0, 1], row-major
 * @param source the model (the course's objects-cnn unless a test passes one)
 */
export async function occludedScore(image: Float32Array, classIndex: number, patch: Patch, source: ModelSource = SALIENCY_MODEL): Promise<OccludedScore> {
  const model = await resolveModel(source);
  checkClass('occludedScore', model, classIndex);
  const side = Math.round(Math.sqrt(image.length / 3));
  const { top, left, size, fill } = patch;
  if (![top, left, size].every(Number.isInteger) || size < 1 || top < 0 || left < 0 || top + size > side || left + size > side) {
    throw badArgument('occludedScore', 'patch', `a square inside the ${side} x ${side} image`, `${size} x ${size} at (${top}, ${left})`);
  }
  const mask = new Float32Array(side * side);
  for (let i = top; i < top + size; i++) mask.fill(1, i * side + left, i * side + left + size);
  const both = tf.tidy(() => {
    const x = imageTensor(image, 'occludedScore');
    const batch = tf.concat([x.expandDims(0), occlude(x, mask, 1, fill)]) as tf.Tensor4D;
    return scoresOf(model, batch, classIndex);
  });
  const values = await both.data();
  both.dispose();
  const [s0, s1, p0, p1] = values as unknown as number[];
  return { baseline: { score: s0!, probability: p0! }, occluded: { score: s1!, probability: p1! }, drop: s0! - s1! };
}
