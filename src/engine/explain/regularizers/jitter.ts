import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';
import type { Regularizer } from './regularizer.ts';

/**
 * Jitter: each step the image is rolled by a random whole number of pixels in
 * [-pixels, pixels] along each axis before it is scored (Mordvintsev et al.
 * 2015, DeepDream; Yosinski et al. 2015 translate the image likewise). A
 * pattern must then score well wherever it lands, which breaks up the
 * single-pixel, high-frequency noise plain gradient ascent converges to.
 */
export function jitter(pixels: number): Regularizer {
  if (!Number.isInteger(pixels) || pixels < 0) throw badArgument('jitter', 'pixels', 'an integer >= 0', pixels);
  return {
    name: 'jitter',
    sample(rng) {
      const dy = rng.int(2 * pixels + 1) - pixels;
      const dx = rng.int(2 * pixels + 1) - pixels;
      return (image) => roll(image, dy, dx);
    },
  };
}

/**
 * Circular shift of an [n, h, w, c] image by dy rows and dx columns (positive:
 * down and right), out[y, x] = in[(y - dy) mod h, (x - dx) mod w]; slices and a
 * concat, so gradients flow through it on every backend.
 */
export function roll(image: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => rollAxis(rollAxis(image, dy, 1), dx, 2));
}

function rollAxis(image: tf.Tensor4D, shift: number, axis: 1 | 2): tf.Tensor4D {
  const size = image.shape[axis];
  const s = ((shift % size) + size) % size;
  if (s === 0) return image.clone();
  const begin = [0, 0, 0, 0];
  const tail = [...image.shape];
  begin[axis] = size - s;
  tail[axis] = s;
  const head = [...image.shape];
  head[axis] = size - s;
  return tf.concat([image.slice(begin, tail), image.slice([0, 0, 0, 0], head)], axis);
}
