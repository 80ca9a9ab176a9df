/**
 * Perplexity calibration of one point for t-SNE (van der Maaten & Hinton 2008,
 * section 2): the Gaussian around x_i gets the precision beta_i = 1 / (2 sigma_i^2)
 * at which the entropy of P_i equals log(perplexity).
 */

export interface Calibration {
  /** The precision found, 1 / (2 sigma_i^2). */
  beta: number;
  /** Entropy of the row in nats at that precision. */
  entropy: number;
}

/**
 * Writes p_{j|i} for one row into `out` (length = d2.length, out[self] = 0) and
 * returns the precision and entropy it reached.
 *
 * @equation tsne-conditional
 *   p_{j|i} = exp(-beta_i ||x_i - x_j||^2) / sum_{k != i} exp(-beta_i ||x_i - x_k||^2)   (eq. 1)
 *   Perp(P_i) = 2^{H(P_i)}, H in bits; we compare in nats: H(P_i) = log(Perp).
 * @param d2 squared distances from point i to every point; entry `self` is ignored
 * @param self index of point i in `d2` (-1 when the row holds only other points)
 * @param tolerance stop when |H - log(perplexity)| < tolerance (nats)
 */
export function calibrateRow(
  d2: Float64Array,
  self: number,
  perplexity: number,
  out: Float64Array,
  tolerance = 1e-5,
  maxSteps = 200,
): Calibration {
  const m = d2.length;
  const target = Math.log(perplexity);
  // Distances are taken relative to the nearest neighbour so that exp() never
  // underflows to an all-zero row when beta is large; p is unchanged by the shift.
  let dMin = Infinity;
  let dSum = 0;
  for (let j = 0; j < m; j++) {
    if (j === self) continue;
    const v = d2[j];
    if (v < dMin) dMin = v;
    dSum += v;
  }
  const others = self >= 0 && self < m ? m - 1 : m;
  const spread = dSum / others - dMin;
  // A start near 1 / spread needs few doublings whatever the data's scale.
  let beta = spread > 0 ? 1 / spread : 1;
  let lo = 0;
  let hi = Infinity;
  let entropy = 0;
  for (let step = 0; step < maxSteps; step++) {
    entropy = rowAt(d2, self, dMin, beta, out);
    const gap = entropy - target;
    if (Math.abs(gap) < tolerance) break;
    if (gap > 0) {
      // Too flat: sharpen the Gaussian.
      lo = beta;
      beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  return { beta, entropy };
}

/** Fills `out` with the normalised row at precision beta; returns its entropy in nats. */
function rowAt(d2: Float64Array, self: number, dMin: number, beta: number, out: Float64Array): number {
  const m = d2.length;
  let sum = 0;
  let weighted = 0;
  for (let j = 0; j < m; j++) {
    if (j === self) {
      out[j] = 0;
      continue;
    }
    const shifted = d2[j] - dMin;
    const p = Math.exp(-beta * shifted);
    out[j] = p;
    sum += p;
    weighted += shifted * p;
  }
  for (let j = 0; j < m; j++) out[j] = out[j] / sum;
  // H = -sum p log p with p = e^{-beta d} / S  =>  H = log S + beta * sum(d e^{-beta d}) / S.
  return Math.log(sum) + (beta * weighted) / sum;
}

/** Entropy in nats of a probability row, -sum p log p (0 log 0 = 0). */
export function entropyOf(p: ArrayLike<number>): number {
  let h = 0;
  for (let j = 0; j < p.length; j++) {
    const v = p[j];
    if (v > 0) h -= v * Math.log(v);
  }
  return h;
}
