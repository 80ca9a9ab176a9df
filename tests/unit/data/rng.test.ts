import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, permutation } from '~/engine/shared/rng.ts';

describe('createRng', () => {
  it('repeats its sequence under a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(createRng(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in range and resumes from its state', () => {
    const r = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(10);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(10);
    }
    const resumed = createRng(r.state());
    expect(resumed.next()).toBe(r.next());
  });

  it('rejects a non-finite seed with a message naming it', () => {
    expect(() => createRng(Number.NaN)).toThrow(/createRng: seed expected a finite number, got NaN/);
  });
});

describe('deriveSeed and permutation', () => {
  it('gives distinct seeds per index and a true permutation', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i)));
    expect(seeds.size).toBe(1000);
    const p = Array.from(permutation(50, createRng(3)));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
