import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selfAttention } from '~/engine/ops/self-attention.ts';

/** Deterministic numbers in [-1, 1). */
const numbers = (count: number, seed: number) => Array.from({ length: count }, (_, i) => Math.sin(seed * 97 + i * 12.9898) % 1);

/** Multi-head self-attention by loops over plain arrays: the test's own path to the same numbers. */
function byHand(z: number[], t: number, d: number, heads: number, wqkv: number[], bqkv: number[], wo: number[], bo: number[]) {
  const dh = d / heads;
  const proj = (row: number, col: number) =>
    bqkv[col]! + Array.from({ length: d }, (_, i) => z[row * d + i]! * wqkv[i * 3 * d + col]!).reduce((a, b) => a + b, 0);
  const attention: number[] = [];
  const mixed = new Array<number>(t * d).fill(0);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < t; i++) {
      const scores = Array.from(
        { length: t },
        (_, j) => Array.from({ length: dh }, (_, c) => proj(i, h * dh + c) * proj(j, d + h * dh + c)).reduce((a, b) => a + b, 0) / Math.sqrt(dh),
      );
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const row = e.map((v) => v / sum);
      attention.push(...row);
      for (let c = 0; c < dh; c++) mixed[i * d + h * dh + c] = row.reduce((acc, a, j) => acc + a * proj(j, 2 * d + h * dh + c), 0);
    }
  }
  const output = Array.from(
    { length: t * d },
    (_, k) => bo[k % d]! + Array.from({ length: d }, (_, i) => mixed[Math.floor(k / d) * d + i]! * wo[i * d + (k % d)]!).reduce((a, b) => a + b, 0),
  );
  return { attention, output };
}

describe('selfAttention', () => {
  const [t, d, heads] = [3, 4, 2];
  const values = { z: numbers(t * d, 1), wqkv: numbers(d * 3 * d, 2), bqkv: numbers(3 * d, 3), wo: numbers(d * d, 4), bo: numbers(d, 5) };
  const weights = () => ({
    qkvKernel: tf.tensor2d(values.wqkv, [d, 3 * d]),
    qkvBias: tf.tensor1d(values.bqkv),
    outKernel: tf.tensor2d(values.wo, [d, d]),
    outBias: tf.tensor1d(values.bo),
  });

  it('equals a loop-by-loop computation, and its rows sum to 1', async () => {
    const w = weights();
    const z = tf.tensor3d(values.z, [1, t, d]);
    const { output, attention } = selfAttention(z, w, heads);
    const want = byHand(values.z, t, d, heads, values.wqkv, values.bqkv, values.wo, values.bo);
    expect(attention.shape).toEqual([1, heads, t, t]);
    const a = (await attention.data()) as Float32Array;
    want.attention.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 5));
    for (let r = 0; r < heads * t; r++) expect(a.slice(r * t, r * t + t).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    const o = await output.data();
    want.output.forEach((v, i) => expect(o[i]).toBeCloseTo(v, 5));
    tf.dispose([z, output, attention, ...Object.values(w)]);
  });

  it('refuses a head count that does not divide the width', () => {
    const w = weights();
    const z = tf.zeros([1, t, d]) as tf.Tensor3D;
    expect(() => selfAttention(z, w, 3)).toThrow('selfAttention(heads): expected a divisor of the width 4');
    tf.dispose([z, ...Object.values(w)]);
  });

  it('does not leak memory', () => {
    const w = weights();
    const z = tf.tensor3d(values.z, [1, t, d]);
    tf.dispose(selfAttention(z, w, heads));
    const before = tf.memory().numTensors;
    tf.dispose(selfAttention(z, w, heads));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, ...Object.values(w)]);
  });
});
