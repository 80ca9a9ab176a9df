import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';
import type { Regularizer } from './regularizer.ts';

export interface RobustnessOptions {
  /** Largest relative change of scale: s is drawn from [1 - scale, 1 + scale]. Default 0.05. */
  scale?: number;
  /** Largest rotation in degrees, drawn from [-degrees, degrees]. Default 5. */
  degrees?: number;
}

/**
 * Transformation robustness: each step the image is scaled and rotated by small
 * random amounts about its centre before it is scored (Olah, Mordvintsev &
 * Schubert 2017, "Feature Visualization"), so the visualisation keeps only
 * patterns that survive them. With jitter (random shifts) in the same family,
 * each step climbs a one-sample estimate of the expected score:
 * @equation transform-robustness
 *   I* = argmax_I E_{T ~ Tau} [S_c(T(I))] - lambda ||I||_2^2,  T = shift o rotate o scale, drawn anew each step
 */
export function transformRobustness(options: RobustnessOptions = {}): Regularizer {
  const { scale = 0.05, degrees = 5 } = options;
  if (!(scale >= 0 && scale < 1)) throw badArgument('transformRobustness', 'scale', 'a number in [0, 1)', scale);
  if (!(degrees >= 0)) throw badArgument('transformRobustness', 'degrees', 'a number >= 0', degrees);
  return {
    name: 'transform-robustness',
    sample(rng) {
      const s = rng.range(1 - scale, 1 + scale);
      const angle = (rng.range(-degrees, degrees) * Math.PI) / 180;
      return (image) => scaleRotate(image, s, angle);
    },
  };
}

/**
 * Scales by s and rotates by `angle` radians (counter-clockwise as displayed)
 * about the centre, with bilinear sampling and edge pixels repeated past the
 * border. Built from four gathers with weights computed here in JavaScript, so
 * it runs on every backend (tf.image.transform has no gradient). The gradient
 * is the adjoint, a weighted scatter-add, given by hand: the automatic one goes
 * through unsortedSegmentSum, which the cpu backend runs in O(pixels^2).
 */
export function scaleRotate(image: tf.Tensor4D, s: number, angle: number): tf.Tensor4D {
  const [n, h, w, c] = image.shape;
  const { index, weight } = bilinearTaps(h, w, s, angle);
  const m = h * w;
  const resample = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const flat = x.reshape([n, m, c]);
    const idx = [0, 1, 2, 3].map((k) => tf.tensor1d(index.subarray(k * m, (k + 1) * m), 'int32'));
    const wts = [0, 1, 2, 3].map((k) => tf.tensor3d(weight.subarray(k * m, (k + 1) * m), [1, m, 1]));
    save([...idx, ...wts]);
    const value = tf.addN(idx.map((i, k) => flat.gather(i, 1).mul(wts[k]!))).reshape([n, h, w, c]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      // [m, n * c] rows so scatterND sums every tap that read the same source pixel.
      const rows = (dy as tf.Tensor4D).reshape([n, m, c]).transpose([1, 0, 2]);
      const parts = [0, 1, 2, 3].map((k) =>
        tf.scatterND(saved[k]!.expandDims(1), rows.mul(saved[4 + k]!.reshape([m, 1, 1])).reshape([m, n * c]), [m, n * c]),
      );
      return [tf.addN(parts).reshape([m, n, c]).transpose([1, 0, 2]).reshape([n, h, w, c])];
    };
    return { value, gradFunc };
  });
  return tf.tidy(() => resample(image) as tf.Tensor4D);
}

/** For each output pixel, its four source pixels and bilinear weights (inverse map: rotate by -angle, divide by s). */
function bilinearTaps(h: number, w: number, s: number, angle: number): { index: Int32Array; weight: Float32Array } {
  const m = h * w;
  const index = new Int32Array(4 * m);
  const weight = new Float32Array(4 * m);
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  const cos = Math.cos(angle) / s;
  const sin = Math.sin(angle) / s;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = x - cx;
      const v = y - cy;
      // Rows grow downwards, so a counter-clockwise turn on screen has the sine's sign flipped.
      const sx = Math.min(w - 1, Math.max(0, cos * u - sin * v + cx));
      const sy = Math.min(h - 1, Math.max(0, sin * u + cos * v + cy));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(w - 1, x0 + 1);
      const y1 = Math.min(h - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const p = y * w + x;
      index[p] = y0 * w + x0;
      index[m + p] = y0 * w + x1;
      index[2 * m + p] = y1 * w + x0;
      index[3 * m + p] = y1 * w + x1;
      weight[p] = (1 - fy) * (1 - fx);
      weight[m + p] = (1 - fy) * fx;
      weight[2 * m + p] = fy * (1 - fx);
      weight[3 * m + p] = fy * fx;
    }
  }
  return { index, weight };
}
