import * as tf from '@tensorflow/tfjs-core';
import { DIVERGING, type Rgb } from '../shared/colour-scales.ts';

/** The value range a colour scale spans; the widget prints it as the legend. */
export interface ColorScale {
  kind: 'gray' | 'diverging';
  min: number;
  max: number;
}

/**
 * The scale that shows a map honestly: grey from 0 to its maximum when it has no
 * negative values (an image, a ReLU output), otherwise a diverging scale
 * symmetric about 0, so 0 is always white and equal magnitudes look equal.
 * `colorize` applies the same rule inside the graph.
 */
export function scaleFor(min: number, max: number): ColorScale {
  if (min >= 0) return { kind: 'gray', min: 0, max: max > 0 ? max : 1 };
  const bound = Math.max(Math.abs(min), Math.abs(max));
  return { kind: 'diverging', min: -bound, max: bound };
}

/**
 * Colours a map with the scale `scaleFor` would choose for it, computed on the
 * tensor's own backend: RGBA bytes, ready for a canvas.
 * @param x shape [H, W]
 * @returns int32 tensor of shape [H, W, 4]; the caller owns it
 */
export function colorize(x: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w] = x.shape;
    const lo = x.min();
    const hi = x.max();
    const gray = lo.greaterEqual(0);
    const bound = tf.maximum(lo.abs(), hi.abs()).maximum(1e-12);
    const grayT = x.div(hi.maximum(1e-12));
    const divergingT = x.add(bound).div(bound.mul(2));
    const t = tf.where(gray, grayT, divergingT).clipByValue(0, 1).expandDims(-1);
    const diverging = tf.where(
      t.lessEqual(0.5).tile([1, 1, 3]),
      blend(t.mul(2), DIVERGING.negative, DIVERGING.middle),
      blend(t.mul(2).sub(1), DIVERGING.middle, DIVERGING.positive),
    );
    const rgb = tf.where(gray, t.mul(255).tile([1, 1, 3]), diverging);
    return tf.concat([rgb.round(), tf.fill([h, w, 1], 255)], -1).toInt() as tf.Tensor3D;
  });
}

function blend(t: tf.Tensor, from: Rgb, to: Rgb): tf.Tensor {
  const a = tf.tensor1d([...from]);
  return a.add(tf.tensor1d([...to]).sub(a).mul(t));
}
