import { describe, expect, it } from 'vitest';
import { lossTop } from '~/components/widgets/lab/lab-plot.ts';

describe('lossTop: the loss panel y axis top', () => {
  it('rounds the largest loss up to a quarter of its power of ten', () => {
    expect(lossTop([1.9, 2.31, 0.8])).toBe(2.5);
    expect(lossTop([0.73])).toBe(0.75);
    expect(lossTop([1.02])).toBe(1.25);
    expect(lossTop([12])).toBe(12.5);
    expect(lossTop([0.051])).toBe(0.0525);
  });

  it('keeps a largest loss that is already on a quarter, float noise and all', () => {
    expect(lossTop([2.5])).toBe(2.5);
    expect(lossTop([10])).toBe(10);
    // 0.07 * 100 * 4 is 28.000000000000004 in floating point: still 28 quarters of 0.01.
    expect(lossTop([0.07])).toBe(0.07);
  });

  it('stays put while a run only lowers its loss, and moves when a larger loss is shown or the largest is hidden', () => {
    const reference = [2.2, 1.6, 1.1];
    expect(lossTop([...reference, 2.05])).toBe(2.25);
    expect(lossTop([...reference, 2.05, 1.4, 0.9])).toBe(2.25);
    expect(lossTop([...reference, 2.3])).toBe(2.5);
    expect(lossTop([1.6, 1.1])).toBe(1.75);
  });

  it('is 1 with nothing to show, and ignores missing values', () => {
    expect(lossTop([])).toBe(1);
    expect(lossTop([Number.NaN, 0.4])).toBe(0.4);
  });
});
