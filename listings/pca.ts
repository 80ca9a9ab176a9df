import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * en: PCA of the embeddings: each image's e = (1/Z) Σ_ij A_ij, centred, C = X_cᵀ X_c / (n − 1),
 * en: and the two eigenvectors v_1, v_2 of C with the largest eigenvalues (TensorFlow.js has no
 * en: eigendecomposition: power iteration, then deflation C ← C − λ v vᵀ). Each axis is signed so that
 * en: its largest entry is positive. Returns the points z_j = ((x_j − x̄)ᵀ v_1, (x_j − x̄)ᵀ v_2) and
 * en: the share of the variance each axis keeps, λ_i / Σ λ.
 * ko: 임베딩의 PCA: 각 이미지의 e = (1/Z) Σ_ij A_ij를 중심화해 C = X_cᵀ X_c / (n − 1)을 구하고,
 * ko: 고유값이 가장 큰 C의 고유벡터 두 개 v_1, v_2를 찾는다(TensorFlow.js에는 고유값 분해가 없어
 * ko: 거듭제곱법(power iteration) 뒤 수축(deflation) C ← C − λ v vᵀ를 쓴다). 각 축의 부호는 가장 큰 성분이 양수가 되도록 정한다.
 * ko: 점 z_j = ((x_j − x̄)ᵀ v_1, (x_j − x̄)ᵀ v_2)와 각 축이 담는 분산의 비율
 * ko: λ_i / Σ λ를 돌려준다.
 */
export function pcaMap(features: Features, images: tf.Tensor4D, steps = 300): { points: tf.Tensor2D; ratios: tf.Tensor1D } {
  return tf.tidy(() => {
    const x = features(images).mean([1, 2]) as tf.Tensor2D; // [n, K]
    const n = x.shape[0];
    const xc = x.sub(x.mean(0)) as tf.Tensor2D;
    let c = xc.matMul(xc, true, false).div(n - 1) as tf.Tensor2D; // C: [K, K]
    const total = xc
      .square()
      .sum()
      .div(n - 1); // Σ λ = tr C
    const axes: tf.Tensor2D[] = [];
    const lambdas: tf.Scalar[] = [];
    for (let i = 0; i < 2; i++) {
      // en: any start not orthogonal to v_i
      // ko: v_i와 직교하지 않는 아무 시작점
      let v = tf.linspace(1, 2, c.shape[0]).reshape([-1, 1]) as tf.Tensor2D;
      for (let t = 0; t < steps; t++) {
        const cv = c.matMul(v);
        v = cv.div(cv.norm()); // v ← C v / ‖C v‖
      }
      const largest = v.abs().argMax(0);
      // en: sign: largest entry positive
      // ko: 부호: 가장 큰 성분이 양수
      v = v.mul(v.gather(largest).sign());
      const lambda = v.transpose().matMul(c).matMul(v).reshape([]) as tf.Scalar; // λ = vᵀ C v
      // en: deflate
      // ko: 수축(deflation)
      c = c.sub(v.mul(v.transpose()).mul(lambda));
      axes.push(v);
      lambdas.push(lambda);
    }
    return { points: xc.matMul(tf.concat(axes, 1)) as tf.Tensor2D, ratios: tf.stack(lambdas).div(total) as tf.Tensor1D };
  });
}
