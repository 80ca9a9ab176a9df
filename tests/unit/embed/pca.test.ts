import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { pca } from '~/engine/embed/pca.ts';

// Orthonormal axes without ties in |entry|, so the sign convention is testable.
const U1 = [2 / 7, 3 / 7, 6 / 7];
const U2 = [3 / 7, -6 / 7, 2 / 7];
const MEAN = [10, -5, 3];

/** a * 3 * U1 + b * U2 + MEAN over a in -2..2 and b in {-1, 1}: lambda_1 = 20, lambda_2 = 10/9, lambda_3 = 0. */
function plane(): number[][] {
  const rows: number[][] = [];
  for (let a = -2; a <= 2; a++) for (const b of [-1, 1]) rows.push([0, 1, 2].map((k) => 3 * a * U1[k]! + b * U2[k]! + MEAN[k]!));
  return rows;
}

function close(got: number[] | number[][], want: number[] | number[][], digits = 4) {
  expect(got.flat().length).toBe(want.flat().length);
  got.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, digits));
}

describe('pca', () => {
  it('finds the known principal axes, variances and mean of a hand-made plane', async () => {
    const x = tf.tensor2d(plane());
    const r = pca(x);
    close((await r.components.array()) as number[][], [U1, U2.map((v) => -v)]); // -6/7 is U2's largest entry: flipped positive
    close(await r.explainedVarianceRatio.array(), [20 / (20 + 10 / 9), 10 / 9 / (20 + 10 / 9)]);
    close(await r.mean.array(), MEAN);
    // The first point is a = -2, b = -1: projections (-6, +1) after U2's flip.
    close(((await r.projections.array()) as number[][])[0]!, [-6, 1]);
    tf.dispose([x, r.components, r.explainedVarianceRatio, r.mean, r.projections]);
  });

  it('uses the Gram matrix when n < d and still returns eigenvectors of the covariance', async () => {
    const rng = createRng(3);
    const x = tf.tensor2d(Array.from({ length: 5 * 8 }, () => rng.range(-1, 1)), [5, 8]);
    const r = pca(x, { components: 3 });
    const xc = x.sub(x.mean(0));
    const cov = xc.transpose().matMul(xc).div(4);
    const total = (await xc.square().sum().div(4).data())[0]!;
    const ratios = await r.explainedVarianceRatio.data();
    const comps = (await r.components.array()) as number[][];
    for (let c = 0; c < 3; c++) {
      const v = tf.tensor2d(comps[c]!, [8, 1]);
      const residual = cov.matMul(v).sub(v.mul(ratios[c]! * total));
      expect((await residual.norm().data())[0]).toBeLessThan(1e-4);
      tf.dispose([v, residual]);
    }
    expect(ratios[0]).toBeGreaterThanOrEqual(ratios[1]!);
    expect(ratios[1]).toBeGreaterThanOrEqual(ratios[2]!);
    const gram = r.components.matMul(r.components.transpose());
    close((await gram.array()) as number[][], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    tf.dispose([x, xc, cov, gram, r.components, r.explainedVarianceRatio, r.mean, r.projections]);
  });

  it('names bad arguments', () => {
    const x = tf.zeros([4, 3]) as tf.Tensor2D;
    expect(() => pca(x, { components: 4 })).toThrow('pca(components): expected an integer in 1..min(n, d) = 3, got 4');
    expect(() => pca(tf.zeros([1, 3]) as tf.Tensor2D)).toThrow('pca(x): expected at least 2 rows, got 1');
    x.dispose();
  });

  it('does not leak memory', () => {
    const x = tf.tensor2d(plane());
    const before = tf.memory().numTensors;
    const r = pca(x);
    expect(tf.memory().numTensors).toBe(before + 4);
    tf.dispose([x, r.components, r.explainedVarianceRatio, r.mean, r.projections]);
  });
});
