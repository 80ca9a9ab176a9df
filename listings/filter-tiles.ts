import * as tf from '@tensorflow/tfjs-core';

/**
 * en: First-layer filters as images: each weight drawn with 0 at mid grey and the
 * en: filter's largest magnitude m at black or full colour,
 * en: T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
 * en: `kernel` is W as a TensorFlow.js Conv2D stores it, [kh, kw, 3, K]; the tiles are [K, kh, kw, 3].
 * ko: 첫 층의 필터를 이미지로 그린다. 가중치 0은 중간 회색으로, 필터에서 가장 큰
 * ko: 절댓값 m은 검정이나 완전한 색으로 그린다:
 * ko: T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
 * ko: `kernel`은 TensorFlow.js Conv2D가 저장하는 형태의 W [kh, kw, 3, K]이고, 타일은 [K, kh, kw, 3]이다.
 */
export function filterTiles(kernel: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    // en: one filter per row
    // ko: 행마다 필터 하나
    const W = kernel.transpose([3, 0, 1, 2]); // [K, kh, kw, 3]
    // en: each filter's largest magnitude
    // ko: 필터마다 가장 큰 절댓값
    const m = W.abs().max([1, 2, 3], true);
    return W.div(m.mul(2)).add(0.5) as tf.Tensor4D;
  });
}
