import * as tf from '@tensorflow/tfjs-core';

/**
 * First-layer filters as images: each weight drawn with 0 at mid grey and the
 * filter's largest magnitude m at black or full colour,
 * T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
 * `kernel` is W as a TensorFlow.js Conv2D stores it, [kh, kw, 3, K]; the tiles are [K, kh, kw, 3].
 */
export function filterTiles(kernel: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const W = kernel.transpose([3, 0, 1, 2]); // one filter per row: [K, kh, kw, 3]
    const m = W.abs().max([1, 2, 3], true); // each filter's largest magnitude
    return W.div(m.mul(2)).add(0.5) as tf.Tensor4D;
  });
}
