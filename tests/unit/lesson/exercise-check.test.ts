import { describe, expect, it } from 'vitest';
import { grade, parseNumber, storageKey, type ExerciseSpec } from '~/components/lesson/exercise-check.ts';

const number = (answer: number, tolerance = 0): ExerciseSpec => ({ kind: 'number', answer: String(answer), tolerance });

describe('parseNumber', () => {
  it('reads dot decimals, a leading minus or plus, and ignores surrounding spaces', () => {
    expect(parseNumber('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumber('  -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseNumber('+4')).toEqual({ ok: true, value: 4 });
    expect(parseNumber('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('2.')).toEqual({ ok: true, value: 2 });
  });
  it('accepts the typographic minus that KaTeX prints', () => {
    expect(parseNumber('\u22129')).toEqual({ ok: true, value: -9 });
  });
  it('refuses a decimal comma with a message that shows the dot form', () => {
    const parsed = parseNumber('1,5');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('1.5');
  });
  it('refuses empty and non-numeric input', () => {
    for (const raw of ['', '   ', 'abc', '1.2.3', '- 3', '0x10', 'Infinity', '1e']) expect(parseNumber(raw).ok).toBe(false);
  });
});

describe('grade', () => {
  it('matches numbers exactly by default and within the tolerance when given', () => {
    expect(grade(number(448), '448').correct).toBe(true);
    expect(grade(number(448), '447').correct).toBe(false);
    expect(grade(number(0.3), String(0.1 + 0.2)).correct).toBe(true);
    expect(grade(number(1.5, 0.05), '1.54').correct).toBe(true);
    expect(grade(number(1.5, 0.05), '1.56').correct).toBe(false);
    expect(grade(number(0), '-0').correct).toBe(true);
  });
  it('never puts the answer in a wrong-answer message', () => {
    const result = grade({ ...number(-9), hint: 'add the bias' }, '10');
    expect(result.correct).toBe(false);
    if (!result.correct) {
      expect(result.message).not.toContain('-9');
      expect(result.message).toContain('add the bias');
    }
  });
  it('compares choices exactly and text answers loosely', () => {
    const choice: ExerciseSpec = { kind: 'choice', answer: 'B', tolerance: 0 };
    expect(grade(choice, 'B').correct).toBe(true);
    expect(grade(choice, 'b').correct).toBe(false);
    expect(grade(choice, '').correct).toBe(false);
    const text: ExerciseSpec = { kind: 'text', answer: 'Max pooling', tolerance: 0 };
    expect(grade(text, '  max   POOLING ').correct).toBe(true);
    expect(grade(text, 'average pooling').correct).toBe(false);
  });
});

describe('storageKey', () => {
  it('is glassbox:exercise:<pathname>:<id>, with or without a trailing slash', () => {
    expect(storageKey('/lessons/convolution-pooling-activation/', 'output-size')).toBe('glassbox:exercise:/lessons/convolution-pooling-activation:output-size');
    expect(storageKey('/lessons/convolution-pooling-activation', 'output-size')).toBe('glassbox:exercise:/lessons/convolution-pooling-activation:output-size');
    expect(storageKey('/', 'x')).toBe('glassbox:exercise:/:x');
  });
});
