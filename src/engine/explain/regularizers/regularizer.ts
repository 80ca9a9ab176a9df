import type * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../shared/rng.ts';

/** A concrete, already-sampled transform of the image for one step; must be differentiable. */
export type ImageOp = (image: tf.Tensor4D) => tf.Tensor4D;

/**
 * One toggleable regulariser of class / feature visualisation. A regulariser
 * acts in one or more of three places of a step (Olah, Mordvintsev & Schubert
 * 2017, "Feature Visualization", section "The enemy of feature visualization"):
 * - `sample`: draws this step's random transform (jitter, scale, rotation)
 *   from the visualisation's seeded rng, albumentations style; the score is
 *   taken of the transformed image, so the image must work under all of them;
 * - `penalty`: a term subtracted from the objective (total variation);
 * - `project`: rewrites the pixel image between steps (blur every k steps),
 *   outside the gradient. Applied with the pixel parameterisation only.
 * Every method returns new tensors; the visualisation disposes them.
 */
export interface Regularizer {
  readonly name: string;
  sample?(rng: Rng): ImageOp;
  penalty?(image: tf.Tensor4D): tf.Scalar;
  project?(image: tf.Tensor4D, step: number): tf.Tensor4D | null;
}
