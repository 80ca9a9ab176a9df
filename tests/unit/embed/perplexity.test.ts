import { describe, expect, it } from 'vitest';
import { Affinities, symmetrize } from '~/engine/embed/affinities.ts';
import { calibrateRow, entropyOf } from '~/engine/embed/perplexity.ts';
import { selectSmallest } from '~/engine/embed/select.ts';
import { gaussianBlobs } from './blobs.ts';

describe('perplexity calibration', () => {
  it('reaches the target entropy log(perplexity) within 1e-3 on every row', () => {
    const { data } = gaussianBlobs(3, 20, 5, 7);
    for (const perplexity of [3, 10, 15]) {
      const a = new Affinities(data, 60, 5, perplexity);
      a.advance();
      for (let i = 0; i < 60; i++) {
        const row = a.condVals.subarray(i * a.k, (i + 1) * a.k);
        expect(Math.abs(entropyOf(row) - Math.log(perplexity))).toBeLessThan(1e-3);
        expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
      }
    }
  });

  it('matches eq. 1 by hand on three distances, and ignores the point itself', () => {
    const d2 = new Float64Array([0, 1, 4, 9]);
    const out = new Float64Array(4);
    const { beta, entropy } = calibrateRow(d2, 0, 2, out, 1e-10);
    const e = [1, 4, 9].map((d) => Math.exp(-beta * d));
    const z = e[0]! + e[1]! + e[2]!;
    expect(out[0]).toBe(0);
    expect([...out.subarray(1)].map((v, j) => v - e[j]! / z).every((x) => Math.abs(x) < 1e-12)).toBe(true);
    expect(entropy).toBeCloseTo(Math.log(2), 9);
    expect(entropyOf(out)).toBeCloseTo(Math.log(2), 9);
  });

  it('is scale-free: distances x1e6 give the same probabilities', () => {
    const small = new Float64Array([0.1, 0.5, 0.7, 2, 3]);
    const large = small.map((v) => v * 1e6);
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    calibrateRow(small, -1, 3, a);
    calibrateRow(large, -1, 3, b);
    for (let j = 0; j < 5; j++) expect(b[j]).toBeCloseTo(a[j]!, 4);
  });

  it('symmetrises to p_ij = (p_j|i + p_i|j) / 2n, summing to 1', () => {
    // 3 points, k = 1: 0 -> 1 (0.5 each way is not needed; values are what the rows hold).
    const cols = new Int32Array([1, 0, 0]);
    const vals = new Float64Array([1, 1, 1]);
    const p = symmetrize(cols, vals, 3, 1);
    const dense = [0, 1, 2].map((i) => [0, 1, 2].map((j) => {
      for (let e = p.rowStart[i]!; e < p.rowStart[i + 1]!; e++) if (p.cols[e] === j) return p.vals[e]!;
      return 0;
    }));
    expect(dense).toEqual([[0, 2 / 6, 1 / 6], [2 / 6, 0, 0], [1 / 6, 0, 0]]);
  });

  it('selects the k smallest keys', () => {
    const keys = new Float64Array([5, 3, 9, 1, 7, 3, 0, 8]);
    for (let k = 1; k <= 8; k++) {
      const idx = Int32Array.from(keys.keys());
      selectSmallest(keys, idx, 8, k);
      const got = [...idx.subarray(0, k)].map((i) => keys[i]!).sort((x, y) => x - y);
      expect(got).toEqual([...keys].sort((x, y) => x - y).slice(0, k));
    }
  });
});
