import * as tf from '@tensorflow/tfjs-core';

/** ‖a_i − b_j‖² for the rows of a and b, [n, m]. */
const squaredDistances = (a: tf.Tensor2D, b: tf.Tensor2D) =>
  a
    .square()
    .sum(1, true)
    .add(b.square().sum(1, true).transpose())
    .sub(a.matMul(b, false, true).mul(2))
    .relu();

/**
 * t-SNE's joint probabilities of the points x, [n, d]: row i is a Gaussian over the other points,
 * p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²), whose precision β_i is found by bisection (on log β) so that
 * the row's entropy is log(perplexity) nats; then p_ij = (p_{j|i} + p_{i|j}) / 2n. (The engine behind
 * the map computes each row over the 3 × perplexity nearest points only, as van der Maaten 2014 does.)
 */
export function tsneAffinities(x: tf.Tensor2D, perplexity: number, steps = 60): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const d2 = squaredDistances(x, x).add(tf.eye(n).mul(1e30)); // j = i pushed far away: exp gives it 0
    const near = d2.min(1, true); // subtracted before exp: p is unchanged, and the nearest point keeps exp(0) = 1
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
      const tooFlat = entropy(rows(mid)).greater(Math.log(perplexity)); // too flat: sharpen, larger β
      [lo, hi] = [tf.where(tooFlat, mid, lo), tf.where(tooFlat, hi, mid)];
    }
    const p = rows(lo.add(hi).div(2));
    return p.add(p.transpose()).div(2 * n) as tf.Tensor2D;
  });
}

/**
 * The gradient of t-SNE's cost at the layout y, [n, 2]: with w_ij = (1 + ‖y_i − y_j‖²)⁻¹ and
 * q_ij = w_ij / Σ_{k≠l} w_kl, ∂C/∂y_i = 4 Σ_j (e p_ij − q_ij) w_ij (y_i − y_j), e the early exaggeration.
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

/** One step with momentum: Y(t) = Y(t−1) − η ∂C/∂Y + α (Y(t−1) − Y(t−2)). (The engine also gives each coordinate an adaptive gain on η, as the paper does.) */
export function tsneStep(p: tf.Tensor2D, y: tf.Tensor2D, previous: tf.Tensor2D, eta: number, alpha: number, exaggeration = 1): tf.Tensor2D {
  return tf.tidy(() => y.sub(tsneGradient(p, y, exaggeration).mul(eta)).add(y.sub(previous).mul(alpha)));
}
