import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { addUnitCounts } from '~/engine/gan/count-units.ts';
import { emptyCounts, informationQualityRatio, topUnits, unitScores, unitThresholds } from '~/engine/gan/unit-iou.ts';

describe("a generator unit's IoU with a class", () => {
  // One 4 x 4 sample, two units, labels 0 (an object in the top-left 2 x 2) and 1 (the rest).
  // unit 0 is high exactly on the object; unit 1 is high on the left half.
  const unit0 = [9, 9, 0, 0, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const unit1 = [5, 5, 1, 1, 5, 5, 1, 1, 5, 5, 1, 1, 5, 5, 1, 1];
  const labels = [0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const acts = new Float32Array(unit0.flatMap((v, i) => [v, unit1[i]!]));

  it('counts, on the label grid, the pixels above each threshold and their labels', async () => {
    const counts = emptyCounts(2, 2, 2);
    // Thresholds: unit 0 at 4 and 10 (nothing above), unit 1 at 2 and 0.
    await addUnitCounts(tf.tensor4d(acts, [1, 4, 4, 2]), tf.tensor3d(labels, [1, 4, 4], 'int32'), new Float32Array([4, 10, 2, 0]), counts);
    expect(Array.from(counts.on)).toEqual([4, 0, 8, 16]);
    // unit 0 above 4: the 4 object pixels; unit 1 above 2: 4 object and 4 other pixels; above 0: all.
    expect(Array.from(counts.both)).toEqual([4, 0, 0, 0, 4, 4, 4, 12]);
    expect(Array.from(counts.labelled)).toEqual([4, 12]);
    expect(counts.pixels).toBe(16);
    const scores = unitScores(counts);
    // Unit 0 at threshold 4 is the object exactly: IoU 1. Unit 1's best is its left half: IoU 4 / 8.
    expect(scores[0]![0]).toMatchObject({ iou: 1, threshold: 0 });
    expect(scores[1]![0]).toMatchObject({ iou: 0.5, threshold: 0 });
    expect(topUnits(scores, 0, 2)).toEqual([0, 1]);
  });

  it('keeps, per unit and label, the threshold of best IQR, which need not be the first or the best IoU', () => {
    // One unit, three thresholds, 100 pixels of which 10 are labelled 0. Counts per threshold (on, both):
    // j = 0: on 50, both 10 (covers the class and much else); j = 1: on 12, both 9; j = 2: on 2, both 2 (precise but tiny).
    const counts = {
      ...emptyCounts(1, 3, 2),
      on: Float64Array.from([50, 12, 2]),
      both: Float64Array.from([10, 40, 9, 3, 2, 0]),
      labelled: Float64Array.from([10, 90]),
      pixels: 100,
    };
    const iqr = [0, 1, 2].map((j) => informationQualityRatio([10, 9, 2][j]!, [50, 12, 2][j]!, 10, 100));
    const best = iqr.indexOf(Math.max(...iqr));
    expect(best).toBe(1);
    expect(unitScores(counts)[0]![0]).toEqual({ iou: 9 / 13, threshold: 1, iqr: iqr[1] });
  });

  it('upsamples a coarser map before comparing it with the labels', async () => {
    // A 2 x 2 unit map high in its top-left cell, upsampled to 4 x 4: half-pixel bilinear gives 9, 6.75, 2.25, 0 along the top row.
    const counts = emptyCounts(1, 1, 2);
    await addUnitCounts(tf.tensor4d([9, 0, 0, 0], [1, 2, 2, 1]), tf.tensor3d(labels, [1, 4, 4], 'int32'), new Float32Array([3]), counts);
    // Above 3: (0,0) 9, (0,1) 6.75, (1,0) 6.75, (1,1) 5.0625: the object's 4 pixels and nothing else.
    expect(Array.from(counts.on)).toEqual([4]);
    expect(Array.from(counts.both)).toEqual([4, 0]);
  });

  it("takes each unit's thresholds at quantiles of its own activations", () => {
    const t = unitThresholds(acts, 2, [0.5, 0.75, 1]);
    // unit 0 sorted: twelve 0s then four 9s; ranks floor(q * 15) = 7, 11, 15.
    expect(Array.from(t)).toEqual([0, 0, 9, 1, 5, 5]);
  });

  it('computes the information quality ratio I(a; b) / H(a, b) of two binary masks', () => {
    // Identical masks: I = H, ratio 1. Independent masks (a on half the pixels, b on half, both on a quarter): I = 0.
    expect(informationQualityRatio(4, 4, 4, 16)).toBeCloseTo(1, 12);
    expect(informationQualityRatio(4, 8, 8, 16)).toBeCloseTo(0, 12);
    // A hand computation: p(1,1) = 3/10, p(1,0) = 1/10, p(0,1) = 1/10, p(0,0) = 5/10; p(a) = p(b) = 4/10.
    const joint = [0.3, 0.1, 0.1, 0.5];
    const marginal = [0.4 * 0.4, 0.4 * 0.6, 0.6 * 0.4, 0.6 * 0.6];
    const info = joint.reduce((s, p, k) => s + p * Math.log(p / marginal[k]!), 0);
    const entropy = -joint.reduce((s, p) => s + p * Math.log(p), 0);
    expect(informationQualityRatio(3, 4, 4, 10)).toBeCloseTo(info / entropy, 12);
    expect(informationQualityRatio(0, 0, 4, 10)).toBe(0);
  });
});
