import * as tf from '@tensorflow/tfjs-core';

/**
 * en: ‖a_i − b_j‖² for the rows of a and b, [n, m].
 * ko: a와 b의 행들 사이의 ‖a_i − b_j‖², [n, m].
 */
const squaredDistances = (a: tf.Tensor2D, b: tf.Tensor2D) =>
  a
    .square()
    .sum(1, true)
    .add(b.square().sum(1, true).transpose())
    .sub(a.matMul(b, false, true).mul(2))
    .relu();

/**
 * en: t-SNE's joint probabilities of the points x, [n, d]: row i is a Gaussian over the other points,
 * en: p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²), whose precision β_i is found by bisection (on log β) so that
 * en: the row's entropy is log(perplexity) nats; then p_ij = (p_{j|i} + p_{i|j}) / 2n. (The engine behind
 * en: the map computes each row over the 3 × perplexity nearest points only, as van der Maaten 2014 does.)
 * ko: 점 x [n, d]에 대한 t-SNE의 결합 확률: 행 i는 다른 점들 위의 가우시안 p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²)이고,
 * ko: 그 정밀도 β_i는 행의 엔트로피가 log(perplexity) nat이 되도록 (log β에 대한) 이분법으로 찾는다.
 * ko: 그다음 p_ij = (p_{j|i} + p_{i|j}) / 2n으로 둔다. (맵 뒤의 엔진은 van der Maaten(2014)처럼
 * ko: 각 행을 가장 가까운 (3 × 퍼플렉서티)개의 점에 대해서만 계산한다.)
 */
export function tsneAffinities(x: tf.Tensor2D, perplexity: number, steps = 60): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    // en: j = i pushed far away: exp gives it 0
    // ko: j = i는 멀리 밀어 exp가 0이 되게 한다
    const d2 = squaredDistances(x, x).add(tf.eye(n).mul(1e30));
    // en: subtracted before exp: p is unchanged, and the nearest point keeps exp(0) = 1
    // ko: exp 전에 뺀다: p는 그대로이고, 가장 가까운 점은 exp(0) = 1을 유지한다
    const near = d2.min(1, true);
    const rows = (logBeta: tf.Tensor) => {
      const e = tf.exp(d2.sub(near).mul(tf.exp(logBeta)).neg());
      return e.div(e.sum(1, true)); // p_{j|i}
    };
    const entropy = (p: tf.Tensor) =>
      tf
        .where(p.greater(0), p.mul(tf.log(p)), tf.zerosLike(p))
        .sum(1, true)
        .neg();
    let [lo, hi] = [tf.fill([n, 1], -30), tf.fill([n, 1], 30)];
    for (let t = 0; t < steps; t++) {
      const mid = lo.add(hi).div(2);
      // en: too flat: sharpen, larger β
      // ko: 너무 평평하다: β를 키워 더 뾰족하게 한다
      const tooFlat = entropy(rows(mid)).greater(Math.log(perplexity));
      [lo, hi] = [tf.where(tooFlat, mid, lo), tf.where(tooFlat, hi, mid)];
    }
    const p = rows(lo.add(hi).div(2));
    return p.add(p.transpose()).div(2 * n) as tf.Tensor2D;
  });
}

/**
 * en: The gradient of t-SNE's cost at the layout y, [n, 2]: with w_ij = (1 + ‖y_i − y_j‖²)⁻¹ and
 * en: q_ij = w_ij / Σ_{k≠l} w_kl, ∂C/∂y_i = 4 Σ_j (e p_ij − q_ij) w_ij (y_i − y_j), e the early exaggeration.
 * ko: 레이아웃 y [n, 2]에서 t-SNE 비용의 그래디언트: w_ij = (1 + ‖y_i − y_j‖²)⁻¹,
 * ko: q_ij = w_ij / Σ_{k≠l} w_kl일 때 ∂C/∂y_i = 4 Σ_j (e p_ij − q_ij) w_ij (y_i − y_j). e는 early exaggeration.
 */
export function tsneGradient(p: tf.Tensor2D, y: tf.Tensor2D, exaggeration = 1): tf.Tensor2D {
  return tf.tidy(() => {
    const n = y.shape[0];
    const w = squaredDistances(y, y)
      .add(1)
      .reciprocal()
      .mul(tf.onesLike(tf.eye(n)).sub(tf.eye(n)));
    const m = p.mul(exaggeration).sub(w.div(w.sum())).mul(w); // (e p_ij − q_ij) w_ij
    return m.sum(1, true).mul(y).sub(m.matMul(y)).mul(4) as tf.Tensor2D; // 4 Σ_j m_ij (y_i − y_j)
  });
}

/**
 * en: One step with momentum: Y(t) = Y(t−1) − η ∂C/∂Y + α (Y(t−1) − Y(t−2)).
 * en: (The engine also gives each coordinate an adaptive gain on η, as the paper does.)
 * ko: 모멘텀을 쓴 한 스텝: Y(t) = Y(t−1) − η ∂C/∂Y + α (Y(t−1) − Y(t−2)).
 * ko: (엔진은 논문처럼 각 좌표에 η에 곱하는 적응형 이득도 둔다.)
 */
export function tsneStep(p: tf.Tensor2D, y: tf.Tensor2D, previous: tf.Tensor2D, eta: number, alpha: number, exaggeration = 1): tf.Tensor2D {
  return tf.tidy(() => y.sub(tsneGradient(p, y, exaggeration).mul(eta)).add(y.sub(previous).mul(alpha)));
}
