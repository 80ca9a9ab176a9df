import type { SparseJoint } from './affinities.ts';

/** Reused buffers of the gradient, allocated once per layout size. */
export interface GradientScratch {
  xs: Float64Array;
  ys: Float64Array;
  rx: Float64Array;
  ry: Float64Array;
}

export function gradientScratch(n: number): GradientScratch {
  return { xs: new Float64Array(n), ys: new Float64Array(n), rx: new Float64Array(n), ry: new Float64Array(n) };
}

/**
 * The exact t-SNE gradient (van der Maaten & Hinton 2008, eq. 5) in plain
 * typed-array loops with no allocation.
 *
 * @equation tsne-gradient
 *   q_ij = w_ij / Z,  w_ij = (1 + ||y_i - y_j||^2)^-1,  Z = sum_{k != l} w_kl   (eq. 4)
 *   dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)                             (eq. 5)
 * The sum splits into an attraction sum_j p_ij w_ij (y_i - y_j), over P's
 * nonzeros only, and a repulsion sum_j w_ij^2 (y_i - y_j) / Z over all
 * n(n-1)/2 pairs (each pair's kernel computed once for both points). Z is known
 * only after that pass, so the two are accumulated apart. Coordinates are
 * split into x and y arrays because V8 runs that inner loop about twice as fast.
 *
 * @param y layout, n x 2 row-major
 * @param exaggeration factor on p_ij (early exaggeration; 1 afterwards)
 * @param grad output, n x 2 (overwritten)
 * @returns Z, the normaliser of Q
 */
export function tsneGradient(y: Float64Array, p: SparseJoint, n: number, exaggeration: number, grad: Float64Array, s: GradientScratch): number {
  const { xs, ys, rx, ry } = s;
  for (let i = 0; i < n; i++) {
    xs[i] = y[2 * i];
    ys[i] = y[2 * i + 1];
  }
  rx.fill(0);
  ry.fill(0);
  let halfZ = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i];
    const yi = ys[i];
    let r0 = 0;
    let r1 = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - xs[j];
      const dy = yi - ys[j];
      const w = 1 / (1 + dx * dx + dy * dy);
      halfZ += w;
      const ww = w * w;
      const fx = ww * dx;
      const fy = ww * dy;
      r0 += fx;
      r1 += fy;
      rx[j] -= fx;
      ry[j] -= fy;
    }
    rx[i] += r0;
    ry[i] += r1;
  }
  const z = 2 * halfZ;
  const { rowStart, cols, vals } = p;
  for (let i = 0; i < n; i++) {
    const xi = xs[i];
    const yi = ys[i];
    let a0 = 0;
    let a1 = 0;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = cols[e];
      const dx = xi - xs[j];
      const dy = yi - ys[j];
      const pw = vals[e] / (1 + dx * dx + dy * dy);
      a0 += pw * dx;
      a1 += pw * dy;
    }
    grad[2 * i] = 4 * (exaggeration * a0 - rx[i] / z);
    grad[2 * i + 1] = 4 * (exaggeration * a1 - ry[i] / z);
  }
  return z;
}

/**
 * Kullback-Leibler cost C = sum_{i != j} p_ij log(p_ij / q_ij) (eq. 2); pairs
 * with p_ij = 0 add nothing. O(n^2), for read-outs and tests, not the optimiser.
 */
export function tsneCost(y: Float64Array, p: SparseJoint, n: number): number {
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      z += 2 / (1 + dx * dx + dy * dy);
    }
  }
  let cost = 0;
  for (let i = 0; i < n; i++) {
    for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
      const j = p.cols[e];
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy) / z;
      cost += p.vals[e] * Math.log(p.vals[e] / q);
    }
  }
  return cost;
}
