import { describe, expect, it } from 'vitest';
import { fixed, percent, plain, precise, signed } from '~/components/ui/format.ts';

describe('the one number formatter', () => {
  it('prints a true minus sign (U+2212), never a hyphen', () => {
    expect(fixed(-0.1234, 2)).toBe('\u22120.12');
    expect(plain(-1.5)).toBe('\u22121.5');
    expect(precise(-0.0012345, 3)).toBe('\u22120.00123');
    expect(signed(-2.5e-4)).toBe('\u22122.5e\u22124');
  });

  it('drops the sign of a value that rounds to zero', () => {
    expect(fixed(-0.0004, 3)).toBe('0.000');
    expect(fixed(-0.4, 0)).toBe('0');
    expect(signed(-0, 2)).toBe('0.00');
  });

  it('prints integers plain and others to at most four decimals', () => {
    expect(plain(3)).toBe('3');
    expect(plain(1 / 9)).toBe('0.1111');
    expect(plain(0.5)).toBe('0.5');
  });

  it('uses scientific notation only below 1e-3', () => {
    expect(signed(0.00099)).toBe('9.9e\u22124');
    expect(signed(0.001)).toBe('0.001');
    expect(signed(12.3456, 2)).toBe('12.35');
  });

  it('prints fractions as percentages', () => {
    expect(percent(0.98214)).toBe('98.2%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(-0.05, 0)).toBe('\u22125%');
  });
});
