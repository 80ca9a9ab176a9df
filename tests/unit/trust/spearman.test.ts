import { describe, expect, it } from 'vitest';
import { ranks, spearman } from '~/engine/explain/spearman.ts';

describe('spearman', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(Array.from(ranks([5, 1, 5, 0]))).toEqual([3.5, 2, 3.5, 1]);
  });

  it('matches 1 - 6 sum d^2 / (n (n^2 - 1)) without ties', () => {
    // d = [0, -1, 1, 0]: rho = 1 - 6 * 2 / (4 * 15) = 0.8.
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(spearman([0.1, 0.5, 0.2], [10, 30, 20])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('is the Pearson correlation of mean ranks with ties (hand-computed)', () => {
    // Ranks [1, 2.5, 2.5, 4] and [1, 2, 3, 4]: 4.5 / sqrt(4.5 * 5).
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it('ignores monotone rescaling, as a similarity of heatmaps should', () => {
    const map = [0.3, 0.9, 0.1, 0.4, 0.7, 0.2];
    expect(spearman(map, map.map((v) => Math.exp(3 * v) - 1))).toBeCloseTo(1, 12);
  });

  it('is NaN for a flat map, which has no ranking', () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNaN();
  });

  it('names the bad argument', () => {
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow('spearman(b): expected 2 values, like a, got 3');
    expect(() => spearman([1], [1])).toThrow('spearman(a): expected at least 2 values');
    expect(() => spearman([1, NaN], [1, 2])).toThrow('spearman(a): expected finite numbers, got NaN (at index 1)');
  });
});

describe('pointingChance', () => {
  it('counts the pixels within the tolerance of the mask', async () => {
    const { pointingChance } = await import('~/engine/tasks/trust/scene.ts');
    const mask = new Uint8Array(64);
    mask[3 * 8 + 4] = 1;
    expect(pointingChance(mask, 8, 0)).toBe(1 / 64);
    // Lattice points with dx^2 + dy^2 <= 4: 1 + 4 + 4 + 4 = 13.
    expect(pointingChance(mask, 8, 2)).toBe(13 / 64);
  });
});
