import { describe, expect, it } from 'vitest';
import { attentionRollout, clsRow, discardSmallest, fuseHeads, gradientRollout, type AttentionStack } from '~/engine/explain/attention-rollout.ts';

const stack = (layers: number, heads: number, tokens: number, values: number[]): AttentionStack => ({
  layers,
  heads,
  tokens,
  weights: Float32Array.from(values),
});
const near = (got: ArrayLike<number>, want: number[]) => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 6));

/** A random row-stochastic stack, from a fixed linear congruential sequence. */
function randomStack(layers: number, heads: number, tokens: number): AttentionStack {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const weights = new Float32Array(layers * heads * tokens * tokens);
  for (let r = 0; r < layers * heads * tokens; r++) {
    const row = Array.from({ length: tokens }, () => next() ** 3);
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((v, j) => (weights[r * tokens + j] = v / sum));
  }
  return { layers, heads, tokens, weights };
}

describe('attention rollout', () => {
  it('of identity attention is the identity, whatever the fusion', () => {
    const eye = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    const s = stack(3, 2, 3, Array.from({ length: 6 }, () => eye).flat());
    for (const fusion of ['mean', 'min', 'max'] as const) near(attentionRollout(s, { fusion, discard: 0 }), eye);
  });

  it('equals the hand computation on three tokens and two layers', () => {
    // A1 and A2 (one head each); A_hat = (A + I) / 2, R = A_hat2 A_hat1 (worked in the test's comment):
    // A_hat1 = [.75 .125 .125; 0 1 0; .25 0 .75], A_hat2 = [.6 .4 0; .25 .75 0; 0 0 1].
    const a1 = [0.5, 0.25, 0.25, 0, 1, 0, 0.5, 0, 0.5];
    const a2 = [0.2, 0.8, 0, 0.5, 0.5, 0, 0, 0, 1];
    const r = attentionRollout(stack(2, 1, 3, [...a1, ...a2]), { fusion: 'mean', discard: 0 });
    near(r, [0.45, 0.475, 0.075, 0.1875, 0.78125, 0.03125, 0.25, 0, 0.75]);
    near(clsRow(r, 3), [0.475, 0.075]);
  });

  it('keeps every row summing to 1, with heads fused and entries discarded', () => {
    const s = randomStack(4, 3, 7);
    for (const fusion of ['mean', 'min', 'max'] as const) {
      for (const discard of [0, 0.5, 0.9]) {
        const r = attentionRollout(s, { fusion, discard });
        for (let i = 0; i < 7; i++) expect(r.slice(i * 7, i * 7 + 7).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
    }
  });

  it('fuses heads by their mean, min or max, entry by entry', () => {
    const s = stack(1, 2, 2, [0.2, 0.8, 0.6, 0.4, 0.4, 0.6, 0.1, 0.9]);
    near(fuseHeads(s, 0, 'mean'), [0.3, 0.7, 0.35, 0.65]);
    near(fuseHeads(s, 0, 'min'), [0.2, 0.6, 0.1, 0.4]);
    near(fuseHeads(s, 0, 'max'), [0.4, 0.8, 0.6, 0.9]);
  });

  it('discards the smallest share of entries, never CLS to CLS, ties in order', () => {
    // Nine entries, ratio 0.34: floor(3.06) = 3 smallest are 0.01 (index 0, kept), 0.02 and the first 0.05.
    const fused = Float64Array.from([0.01, 0.5, 0.05, 0.3, 0.02, 0.05, 0.9, 0.4, 0.6]);
    expect(Array.from(discardSmallest(fused, 0.34))).toEqual([0.01, 0.5, 0, 0.3, 0, 0.05, 0.9, 0.4, 0.6]);
    expect(() => discardSmallest(fused, 1)).toThrow('expected a ratio in [0, 1), got 1');
  });

  it('refuses a stack whose size does not match its shape', () => {
    expect(() => attentionRollout(stack(2, 1, 3, [1, 0, 0]), { fusion: 'mean', discard: 0 })).toThrow('expected 2 x 1 x 3 x 3 = 18 weights, got 3');
  });
});

describe('gradient-weighted rollout', () => {
  it('equals the hand computation: R = I + (G ⊙ A)^+ on one layer', () => {
    // G ⊙ A = [.5 -1; 1 0], positive part [.5 0; 1 0], R = I + that.
    const r = gradientRollout(stack(1, 1, 2, [0.5, 0.5, 0.25, 0.75]), Float32Array.from([1, -2, 4, 0]));
    near(r, [1.5, 0, 1, 1]);
  });

  it("takes each head's positive part before the mean over heads, and accumulates R <- R + A_bar R", () => {
    // Layer 1: the heads' products are +.5 and -.5 everywhere; their positive parts .5 and 0 average to .25, so
    // A_bar1 = [.25 .25; .25 .25] and R1 = I + A_bar1 = [1.25 .25; .25 1.25] (averaging first would cancel them to 0).
    // Layer 2: one head gives [0 1; 0 0], the other 0, so A_bar2 = [0 .5; 0 0] and R2 = R1 + A_bar2 R1.
    const a = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, /* layer 2 */ 0, 1, 1, 0, 0, 1, 1, 0];
    const g = [1, 1, 1, 1, -1, -1, -1, -1, /* layer 2 */ 0, 1, 0, 0, 0, 0, 0, 0];
    near(gradientRollout(stack(2, 2, 2, a), Float32Array.from(g)), [1.375, 0.875, 0.25, 1.25]);
  });
});
