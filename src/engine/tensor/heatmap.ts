import * as tf from '@tensorflow/tfjs-core';
import { INFERNO as STOPS } from '../shared/colour-scales.ts';

/**
 * Colours of a map with values in [0, 1] (values outside are clipped).
 * @param map shape [H, W]
 * @returns float RGB in [0, 255], shape [H, W, 3]; the caller owns it
 */
export function heatColours(map: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const last = STOPS.length - 1;
    const t = map.clipByValue(0, 1).mul(last);
    const low = t.floor().clipByValue(0, last - 1).toInt();
    const frac = t.sub(low.toFloat()).expandDims(-1);
    const stops = tf.tensor2d(STOPS.map((stop) => [...stop]));
    const a = tf.gather(stops, low);
    const b = tf.gather(stops, low.add(tf.scalar(1, 'int32')));
    return a.add(b.sub(a).mul(frac)) as tf.Tensor3D;
  });
}

/**
 * A heatmap laid over an image: out = (1 - alpha * m) * image + alpha * m * colour(m),
 * so low values leave the image visible and high values cover it.
 * @param image RGB in [0, 1], shape [H, W, 3]
 * @param map values in [0, 1], shape [H, W]
 * @returns RGBA bytes as int32, shape [H, W, 4]; the caller owns it
 */
export function overlayHeatmap(image: tf.Tensor3D, map: tf.Tensor2D, alpha = 0.75): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w] = map.shape;
    const weight = map.clipByValue(0, 1).mul(alpha).expandDims(-1);
    const rgb = image.mul(255).mul(tf.scalar(1).sub(weight)).add(heatColours(map).mul(weight));
    return tf.concat([rgb.round().clipByValue(0, 255), tf.fill([h, w, 1], 255)], -1).toInt() as tf.Tensor3D;
  });
}

/**
 * A map alone in heat colours, as RGBA bytes (int32, shape [H, W, 4]); the caller owns it.
 */
export function heatmapRgba(map: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w] = map.shape;
    return tf.concat([heatColours(map).round(), tf.fill([h, w, 1], 255)], -1).toInt() as tf.Tensor3D;
  });
}
