/**
 * The Fréchet distance between two sets of feature vectors, each fitted with
 * a Gaussian (the statistic FID computes on Inception features, Heusel et al.
 * 2017; here on objects-cnn's pooled features, so it is FID-like, not FID):
 *
 *   d^2 = |mu_1 - mu_2|^2 + tr(S_1) + tr(S_2) - 2 tr((S_1^(1/2) S_2 S_1^(1/2))^(1/2))
 *
 * in float64, with symmetric eigendecompositions by cyclic Jacobi rotations.
 */

/** Mean and covariance (divided by n - 1) of n rows of d features, row-major. */
export function gaussianFit(rows: ArrayLike<number>, d: number): { mean: Float64Array; cov: Float64Array } {
  const n = rows.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) mean[a]! += rows[i * d + a]! / n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++) {
      const da = rows[i * d + a]! - mean[a]!;
      for (let b = a; b < d; b++) cov[a * d + b]! += (da * (rows[i * d + b]! - mean[b]!)) / (n - 1);
    }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a]!;
  return { mean, cov };
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric d x d matrix. */
export function symmetricEigen(matrix: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q]! ** 2;
    if (
      off <
      1e-22 *
        Math.max(
          1,
          a.reduce((s, x) => s + x * x, 0),
        )
    )
      break;
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q]!;
        if (apq === 0) continue;
        const theta = (a[q * d + q]! - a[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const [akp, akq] = [a[k * d + p]!, a[k * d + q]!];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const [apk, aqk] = [a[p * d + k]!, a[q * d + k]!];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const [vkp, vkq] = [v[k * d + p]!, v[k * d + q]!];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from({ length: d }, (_, i) => a[i * d + i]!), vectors: v };
}

/** The symmetric square root of a positive semi-definite matrix (negative rounding-error eigenvalues taken as 0). */
function sqrtPsd(matrix: Float64Array, d: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, d);
  const out = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const r = Math.sqrt(Math.max(0, values[k]!));
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) out[a * d + b]! += r * vectors[a * d + k]! * vectors[b * d + k]!;
  }
  return out;
}

const product = (x: Float64Array, y: Float64Array, d: number) => {
  const out = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let k = 0; k < d; k++) for (let b = 0; b < d; b++) out[a * d + b]! += x[a * d + k]! * y[k * d + b]!;
  return out;
};

/** The squared Fréchet distance between the Gaussian fits of two feature sets (rows of d features). */
export function frechetDistance(x: ArrayLike<number>, y: ArrayLike<number>, d: number): number {
  const [p, q] = [gaussianFit(x, d), gaussianFit(y, d)];
  const root = sqrtPsd(p.cov, d);
  const middle = product(product(root, q.cov, d), root, d);
  // Symmetrise against rounding before the eigendecomposition.
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) middle[a * d + b] = middle[b * d + a] = (middle[a * d + b]! + middle[b * d + a]!) / 2;
  const cross = symmetricEigen(middle, d).values.reduce((s, v) => s + Math.sqrt(Math.max(0, v)), 0);
  let distance = -2 * cross;
  for (let a = 0; a < d; a++) distance += (p.mean[a]! - q.mean[a]!) ** 2 + p.cov[a * d + a]! + q.cov[a * d + a]!;
  return distance;
}
