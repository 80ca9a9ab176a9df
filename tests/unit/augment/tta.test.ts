import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { TTA_VIEWS, ttaAverage } from '~/engine/augment/tta.ts';
import { applyPlan } from '~/engine/augment/plan.ts';

describe('ttaAverage', () => {
  it('averages each image over its views, worked by hand', async () => {
    // One image, two views, two classes: (0.9, 0.1) and (0.3, 0.7) average to (0.6, 0.4).
    const p = tf.tensor3d([[[0.9, 0.1], [0.3, 0.7]]]);
    const avg = ttaAverage(p);
    expect(avg.shape).toEqual([1, 2]);
    Array.from(await avg.data()).forEach((v, k) => expect(v).toBeCloseTo([0.6, 0.4][k]!, 6));
    tf.dispose([p, avg]);
    expect(() => ttaAverage(tf.zeros([2, 3]) as unknown as tf.Tensor3D)).toThrow(/ttaAverage\(probabilities\)/);
  });

  it('does not leak memory', () => {
    const p = tf.ones([2, 8, 10]) as tf.Tensor3D;
    ttaAverage(p).dispose();
    const before = tf.memory().numTensors;
    ttaAverage(p).dispose();
    expect(tf.memory().numTensors).toBe(before);
    p.dispose();
  });
});

describe('TTA_VIEWS', () => {
  // An 8x8 image whose value is its column index / 8 in every channel.
  const image = Float32Array.from({ length: 8 * 8 * 3 }, (_, k) => Math.floor(k / 3) % 8 / 8);
  const sample = { size: 8, image, boxes: [], masks: [], classes: [] };

  it('has eight views: identity, a mirror image, and 7/8 crops', () => {
    expect(TTA_VIEWS).toHaveLength(8);
    expect(applyPlan(TTA_VIEWS[0]!.plan, sample).image).toEqual(image);
    // The mirror image: column x becomes column 7 - x.
    const flipped = applyPlan(TTA_VIEWS[1]!.plan, sample).image;
    expect(flipped[0]).toBeCloseTo(7 / 8, 6);
    expect(flipped[7 * 3]).toBeCloseTo(0, 6);
    // A crop 7 pixels wide stretched to 8: output column u (centre u + 0.5) reads source x = (u + 0.5) * 7/8 (+ 1 for the right
    // crop), between the centres x - 0.5; so the last column of the left crop is 6.0625 / 8 and the first of the right one 0.9375 / 8.
    const left = applyPlan(TTA_VIEWS[3]!.plan, sample).image;
    const right = applyPlan(TTA_VIEWS[4]!.plan, sample).image;
    expect(left[7 * 3]).toBeCloseTo(6.0625 / 8, 5);
    expect(right[0]).toBeCloseTo(0.9375 / 8, 5);
  });
});
