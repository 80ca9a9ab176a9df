import { badArgument } from '../shared/errors.ts';

/**
 * Ranks 1..n of `values` in increasing order; tied values share the mean of
 * the ranks they span (so [5, 1, 5] ranks as [2.5, 1, 2.5]).
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end-1 hold ties: ranks start+1..end, whose mean is (start + 1 + end) / 2.
    const shared = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[order[k]!] = shared;
    start = end;
  }
  return out;
}

/**
 * Spearman's rank correlation of two maps of the same size: the Pearson
 * correlation of their ranks (with mean ranks for ties),
 *   rho = sum_i (r_i - rbar)(s_i - sbar) / sqrt(sum_i (r_i - rbar)^2 sum_i (s_i - sbar)^2).
 * The similarity Adebayo et al. (2018, Sec. 3) report between a saliency map
 * and the map after randomising the model. It is 1 when one map is a
 * monotone rescaling of the other, near 0 for unrelated maps. NaN when either
 * map is constant: a flat map has no ranking to compare.
 *
 * @equation spearman-rank-correlation
 * @param a, b maps flattened to the same length n >= 2 (any scale)
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw badArgument('spearman', 'b', `${a.length} values, like a`, b.length);
  if (a.length < 2) throw badArgument('spearman', 'a', 'at least 2 values', a.length);
  for (const [name, map] of [['a', a], ['b', b]] as const) {
    for (let i = 0; i < map.length; i++) {
      if (!Number.isFinite(map[i])) throw badArgument('spearman', name, 'finite numbers', map[i], `at index ${i}`);
    }
  }
  const r = ranks(a);
  const s = ranks(b);
  // Both rank vectors have mean (n + 1) / 2, ties or not.
  const mean = (a.length + 1) / 2;
  let cross = 0;
  let rr = 0;
  let ss = 0;
  for (let i = 0; i < r.length; i++) {
    const dr = r[i]! - mean;
    const ds = s[i]! - mean;
    cross += dr * ds;
    rr += dr * dr;
    ss += ds * ds;
  }
  return rr === 0 || ss === 0 ? NaN : cross / Math.sqrt(rr * ss);
}
