import { calibrateRow } from './perplexity.ts';
import { selectSmallest } from './select.ts';

/** Symmetric sparse P in compressed rows: the entries of row i are at [rowStart[i], rowStart[i + 1]). */
export interface SparseJoint {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/**
 * The joint probabilities P of t-SNE, built row by row so a caller can spread
 * the O(n^2 d) distance work over several animation frames.
 *
 * @equation tsne-joint
 *   p_ij = (p_{j|i} + p_{i|j}) / (2n)  (van der Maaten & Hinton 2008, section 3.1).
 * Each p_{j|i} is calibrated over the point's k = min(n - 1, floor(3 perplexity))
 * nearest neighbours and is zero beyond them (van der Maaten 2014, section 4.1:
 * the Gaussian leaves them almost nothing). With n <= 3 perplexity + 1 this is
 * exactly the 2008 P. The gradient that uses P stays exact over all pairs.
 */
export class Affinities {
  readonly n: number;
  /** Neighbours per row, k. */
  readonly k: number;
  /** Precision beta_i found for each row. */
  readonly betas: Float64Array;
  /** Entropy (nats) each row reached. */
  readonly entropies: Float64Array;
  /** The conditional p_{j|i}: row i's neighbours at [i * k, (i + 1) * k). */
  readonly condCols: Int32Array;
  readonly condVals: Float64Array;
  private joint: SparseJoint | null = null;
  private next = 0;
  private readonly data: Float64Array;
  private readonly d: number;
  private readonly perplexity: number;
  private readonly d2: Float64Array;
  private readonly idx: Int32Array;
  private readonly near: Float64Array;
  private readonly row: Float64Array;

  // Plain fields, not parameter properties, so Node's type stripping can run this file in scripts.
  constructor(data: Float32Array, n: number, d: number, perplexity: number) {
    this.data = Float64Array.from(data);
    this.n = n;
    this.d = d;
    this.perplexity = perplexity;
    this.k = Math.min(n - 1, Math.floor(3 * perplexity));
    this.betas = new Float64Array(n);
    this.entropies = new Float64Array(n);
    this.condCols = new Int32Array(n * this.k);
    this.condVals = new Float64Array(n * this.k);
    this.d2 = new Float64Array(n);
    this.idx = new Int32Array(n - 1);
    this.near = new Float64Array(this.k);
    this.row = new Float64Array(this.k);
  }

  /** The symmetric P once every row is calibrated, else null. */
  get p(): SparseJoint | null {
    return this.joint;
  }

  /** Rows calibrated so far, 0..n. */
  get rowsDone(): number {
    return this.next;
  }

  /**
   * Calibrates up to `rows` more rows (all that are left by default), so a
   * session can spread the work over its steps; symmetrises after the last row.
   * Returns P when ready, else null.
   */
  advance(rows = Infinity): SparseJoint | null {
    const { n, d, k, data, d2, idx, near, row } = this;
    const end = Math.min(n, this.next + Math.max(1, rows));
    while (this.next < end) {
      const i = this.next++;
      const base = i * d;
      let m = 0;
      for (let j = 0; j < n; j++) {
        // Four partial sums let V8 overlap the multiply-adds (about 1.6x faster at d = 50).
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        const other = j * d;
        let c = 0;
        for (; c + 3 < d; c += 4) {
          const a0 = data[base + c] - data[other + c];
          const a1 = data[base + c + 1] - data[other + c + 1];
          const a2 = data[base + c + 2] - data[other + c + 2];
          const a3 = data[base + c + 3] - data[other + c + 3];
          s0 += a0 * a0;
          s1 += a1 * a1;
          s2 += a2 * a2;
          s3 += a3 * a3;
        }
        for (; c < d; c++) {
          const a = data[base + c] - data[other + c];
          s0 += a * a;
        }
        d2[j] = s0 + s1 + s2 + s3;
        if (j !== i) idx[m++] = j;
      }
      selectSmallest(d2, idx, m, k);
      for (let t = 0; t < k; t++) near[t] = d2[idx[t]];
      const { beta, entropy } = calibrateRow(near, -1, this.perplexity, row);
      this.betas[i] = beta;
      this.entropies[i] = entropy;
      this.condCols.set(idx.subarray(0, k), i * k);
      this.condVals.set(row, i * k);
    }
    if (this.next === n && !this.joint) this.joint = symmetrize(this.condCols, this.condVals, n, k);
    return this.joint;
  }
}

/** P = (P_cond + P_cond^T) / (2n) as compressed rows, merging the pairs both points chose; O(nk). */
export function symmetrize(condCols: Int32Array, condVals: Float64Array, n: number, k: number): SparseJoint {
  const count = new Int32Array(n + 1);
  for (let e = 0; e < n * k; e++) {
    count[Math.floor(e / k) + 1]++;
    count[condCols[e] + 1]++;
  }
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const fill = count.slice(0, n);
  const tmpCols = new Int32Array(2 * n * k);
  const tmpVals = new Float64Array(2 * n * k);
  for (let e = 0; e < n * k; e++) {
    const i = Math.floor(e / k);
    const j = condCols[e];
    const v = condVals[e] / (2 * n);
    tmpCols[fill[i]] = j;
    tmpVals[fill[i]++] = v;
    tmpCols[fill[j]] = i;
    tmpVals[fill[j]++] = v;
  }
  // Merge duplicates (j chose i and i chose j) with a last-seen marker per column.
  const rowStart = new Int32Array(n + 1);
  const cols = new Int32Array(2 * n * k);
  const vals = new Float64Array(2 * n * k);
  const seenIn = new Int32Array(n).fill(-1);
  const at = new Int32Array(n);
  let out = 0;
  for (let i = 0; i < n; i++) {
    for (let e = count[i]; e < count[i + 1]; e++) {
      const j = tmpCols[e];
      if (seenIn[j] === i) {
        vals[at[j]] += tmpVals[e];
      } else {
        seenIn[j] = i;
        at[j] = out;
        cols[out] = j;
        vals[out++] = tmpVals[e];
      }
    }
    rowStart[i + 1] = out;
  }
  return { rowStart, cols: cols.slice(0, out), vals: vals.slice(0, out) };
}
