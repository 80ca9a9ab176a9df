import { describe, expect, it } from 'vitest';
import { addOverlap, classIoU, meanIoU } from '~/engine/explain/iou.ts';

describe('intersection over union per class', () => {
  // Two 4 x 4 label maps with classes 0 (a square), 1 (a bar) and 2 (the background).
  // prediction        truth
  // 0 0 2 2           0 0 0 2
  // 0 0 2 2           0 0 0 2
  // 2 2 2 2           2 2 2 2
  // 1 1 1 2           1 1 2 2
  const predicted = [0, 0, 2, 2, 0, 0, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2];
  const truth = [0, 0, 0, 2, 0, 0, 0, 2, 2, 2, 2, 2, 1, 1, 2, 2];

  it('counts, per class, the pixels both maps give it over the pixels either gives it', () => {
    const counts = addOverlap(predicted, truth, 3);
    // Class 0: 4 shared of 6 in either; class 1: 2 of 3; class 2: 7 of 10 (predicted 9, truth 8, shared 7).
    expect(Array.from(counts.intersection)).toEqual([4, 2, 7]);
    expect(Array.from(counts.union)).toEqual([6, 3, 10]);
    const iou = classIoU(counts);
    expect(Array.from(iou)).toEqual([4 / 6, 2 / 3, 7 / 10]);
    expect(meanIoU(iou)).toBeCloseTo((4 / 6 + 2 / 3 + 0.7) / 3, 12);
    expect(meanIoU(iou, [0, 1])).toBeCloseTo(2 / 3, 12);
  });

  it('adds maps up pixel by pixel before dividing, and leaves a class neither map has out of the mean', () => {
    const counts = addOverlap(predicted, truth, 4);
    addOverlap(truth, truth, 4, counts);
    // The second pair is perfect: class 0 is then 4 + 6 shared of 6 + 6.
    expect(classIoU(counts)[0]).toBeCloseTo(10 / 12, 12);
    expect(Number.isNaN(classIoU(counts)[3])).toBe(true);
    // Class 1 has 2 + 2 shared of 3 + 2; class 2, 7 + 8 of 10 + 8.
    expect(meanIoU(classIoU(counts))).toBeCloseTo((10 / 12 + 4 / 5 + 15 / 18) / 3, 12);
  });

  it('is 1 for identical maps and 0 for a class put entirely in the wrong place', () => {
    expect(Array.from(classIoU(addOverlap(truth, truth, 3)))).toEqual([1, 1, 1]);
    expect(classIoU(addOverlap([0, 0, 1, 1], [1, 1, 0, 0], 2))[0]).toBe(0);
  });

  it('refuses maps of different lengths and labels out of range', () => {
    expect(() => addOverlap([0, 1], [0], 2)).toThrow('expected maps of equal length, got 2 and 1');
    expect(() => addOverlap([0, 3], [0, 1], 3)).toThrow('expected labels in [0, 3), got 3 and 1 at pixel 1');
  });
});
