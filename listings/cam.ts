import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * en: CAM (Zhou et al. 2016): M_c(x, y) = Σ_k w_k^c f_k(x, y), for a network that
 * en: ends in global average pooling and a dense layer with kernel W, [K, classes].
 * ko: CAM(Zhou 등, 2016): M_c(x, y) = Σ_k w_k^c f_k(x, y). 전역 평균 풀링과
 * ko: 커널 W [K, classes]인 완전 연결 층 하나로 끝나는 네트워크에 쓴다.
 */
export function cam(features: Features, kernel: tf.Tensor2D, image: tf.Tensor3D, c: number): tf.Tensor2D {
  return tf.tidy(() => {
    const f = features(image.expandDims(0) as tf.Tensor4D); // f_k(x, y): [1, u, v, K]
    const w = kernel.gather([c], 1).reshape([1, 1, 1, -1]); // w_k^c
    return f.mul(w).sum(3).squeeze([0]) as tf.Tensor2D;
  });
}
