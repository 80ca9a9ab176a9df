import { describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { frechetDistance, gaussianFit, symmetricEigen } from '../../../scripts/train/frechet.ts';

const gaussianRows = (n: number, mean: number[], scale: number[], seed: number) => {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Array.from({ length: n }, () => mean.map((m, a) => m + scale[a]! * normal())).flat();
};

describe('the Fréchet distance of two feature sets', () => {
  it('is 0 for a set against itself, and |mu1 - mu2|^2 + (s1 - s2)^2 per axis for independent axes', () => {
    const x = gaussianRows(400, [0, 1], [1, 2], 1);
    expect(frechetDistance(x, x, 2)).toBeCloseTo(0, 8);
    // Two sets whose fits differ only by a shift and a scale per axis: the distance is computed by hand from the fitted statistics.
    const y = x.map((v, i) => (i % 2 === 0 ? 3 * v + 2 : v - 1));
    const [p, q] = [gaussianFit(x, 2), gaussianFit(y, 2)];
    // y's first axis is 3x + 2, its second x - 1: covariances scale as 9 (first), 3 (cross), 1 (second).
    expect(q.cov[0]).toBeCloseTo(9 * p.cov[0]!, 10);
    expect(q.cov[1]).toBeCloseTo(3 * p.cov[1]!, 10);
    // S1^(1/2) S2 S1^(1/2) with S2 = D S1 D, D = diag(3, 1): its square root has trace tr(S1^(1/2) D S1^(1/2)) = tr(D S1).
    const cross = 3 * p.cov[0]! + p.cov[3]!;
    const expected = (2 * p.mean[0]! + 2) ** 2 + 1 + p.cov[0]! + p.cov[3]! + 9 * p.cov[0]! + p.cov[3]! - 2 * cross;
    expect(frechetDistance(x, y, 2)).toBeCloseTo(expected, 8);
  });

  it('decomposes a symmetric matrix: A v = lambda v for each pair', () => {
    const a = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(a, 3);
    for (let k = 0; k < 3; k++)
      for (let r = 0; r < 3; r++) {
        const av = [0, 1, 2].reduce((s, c) => s + a[r * 3 + c]! * vectors[c * 3 + k]!, 0);
        expect(av).toBeCloseTo(values[k]! * vectors[r * 3 + k]!, 10);
      }
    expect([...values].reduce((s, v) => s + v, 0)).toBeCloseTo(12, 10);
  });
});
