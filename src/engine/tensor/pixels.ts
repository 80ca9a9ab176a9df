import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

/** RGBA bytes, row by row: the shape of the browser's ImageData, usable in Node too. */
export interface Pixels {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * Grey levels 0-255 from RGBA pixels with the ITU-R BT.601 luma weights,
 * rounded to whole numbers so the book's sums of products can be checked by hand.
 * @returns shape [height, width]; the caller owns it
 */
export function toGray({ data, width, height }: Pixels): tf.Tensor2D {
  if (data.length !== width * height * 4) {
    throw badArgument('toGray', 'pixels', `${width * height * 4} RGBA bytes for ${width} x ${height}`, data.length);
  }
  return tf.tidy(() => {
    const rgba = tf.tensor3d(Int32Array.from(data), [height, width, 4], 'float32');
    const rgb = rgba.slice([0, 0, 0], [height, width, 3]);
    return rgb.mul(tf.tensor1d([0.299, 0.587, 0.114])).sum(-1).round() as tf.Tensor2D;
  });
}
