import { describe, expect, it } from 'vitest';
import { linePath } from '~/components/widgets/lab/lab-lines.ts';

// A 240 x 120 plot area from (40, 120): epochs 1..12 at 20 px each, values 0..1 upwards over 100 px.
const x = (epoch: number): number => 40 + (epoch - 1) * 20;
const y = (value: number): number => 120 - value * 100;

describe('linePath: a lab line as SVG path data at the frame scales', () => {
  it('moves to the first point and draws straight segments to the others, in pixels', () => {
    expect(linePath([[1, 0.5], [2, 0.25], [12, 1]], x, y)).toBe('M40,70L60,95L260,20');
  });

  it('rounds to a hundredth of a pixel', () => {
    expect(linePath([[1, 1 / 3], [2, 2 / 3]], x, y)).toBe('M40,86.67L60,53.33');
  });

  it('breaks the line where a value is missing, closing a lone point on itself, as d3 does for Plot', () => {
    expect(linePath([[1, 0.5], [2, Number.NaN], [3, 0.4], [4, 0.3], [5, Number.NaN], [6, 0]], x, y)).toBe('M40,70ZM80,80L100,90M140,120Z');
  });

  it('is a closed lone point for a single epoch and empty for none', () => {
    expect(linePath([[1, 0.5]], x, y)).toBe('M40,70Z');
    expect(linePath([], x, y)).toBe('');
  });
});
