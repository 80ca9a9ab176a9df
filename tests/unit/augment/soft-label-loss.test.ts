import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { beta, betaHistogram } from '~/engine/augment/beta.ts';
import { softCrossEntropy } from '~/engine/augment/mixing/soft-label-loss.ts';
import { createRng } from '~/engine/shared/rng.ts';

describe('softCrossEntropy', () => {
  it('is -sum y log softmax(z), by hand', async () => {
    // softmax([ln 2, 0, 0]) = [1/2, 1/4, 1/4].
    const logits = tf.tensor2d([[Math.log(2), 0, 0], [Math.log(2), 0, 0]]);
    const labels = tf.tensor2d([[0.6, 0.4, 0], [0, 0, 1]]);
    const loss = softCrossEntropy(logits, labels);
    const values = Array.from(await loss.data());
    // 0.6 ln 2 + 0.4 ln 4 = 0.970406; a one-hot label gives -ln 1/4.
    expect(values[0]).toBeCloseTo(0.6 * Math.log(2) + 0.4 * Math.log(4), 5);
    expect(values[1]).toBeCloseTo(Math.log(4), 5);
    tf.dispose([logits, labels, loss]);
  });

  it('refuses labels of another shape', () => {
    const logits = tf.zeros([2, 3]) as tf.Tensor2D;
    const labels = tf.zeros([2, 4]) as tf.Tensor2D;
    expect(() => softCrossEntropy(logits, labels)).toThrow("softCrossEntropy(labels): expected a tensor of the logits' shape [2,3]");
    tf.dispose([logits, labels]);
  });

  it('does not leak memory', () => {
    const logits = tf.randomNormal([4, 10], 0, 1, 'float32', 1) as tf.Tensor2D;
    const labels = tf.fill([4, 10], 0.1) as tf.Tensor2D;
    softCrossEntropy(logits, labels).dispose();
    const before = tf.memory().numTensors;
    softCrossEntropy(logits, labels).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, labels]);
  });
});

describe('betaHistogram', () => {
  it('counts the same seeded draws beta() makes, bin by bin', () => {
    const counts = betaHistogram(0.5, 500, 10, createRng(4));
    const rng = createRng(4);
    const expected = new Array<number>(10).fill(0);
    for (let i = 0; i < 500; i++) expected[Math.min(9, Math.floor(beta(0.5, 0.5, rng) * 10))]! += 1;
    expect(counts).toEqual(expected);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
    // Beta(0.5, 0.5) piles up at the ends: its outer bins hold far more than its middle ones.
    expect(counts[0]! + counts[9]!).toBeGreaterThan(2 * (counts[4]! + counts[5]!));
    expect(() => betaHistogram(1, 0, 10, createRng(1))).toThrow('betaHistogram(draws)');
  });
});
