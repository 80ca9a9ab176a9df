import { describe, expect, it } from 'vitest';
import { grade, parseNumber, type GradedSpec } from '~/components/lesson/exercise-grade.ts';
import { buildExercise } from '~/components/lesson/exercise-build.ts';

/** The spec the page would carry for these props, made by the build's own code. */
async function spec(props: Parameters<typeof buildExercise>[0], hint?: string): Promise<GradedSpec> {
  const data = await buildExercise(props, 'test-lesson', '');
  const slips = (JSON.parse(data.slips) as { d: string[]; f: string }[]).map((s) => ({ digests: s.d, feedback: s.f }));
  return { kind: data.kind as GradedSpec['kind'], salt: data.salt, tolerance: props.tolerance ?? 0, unit: props.unit, accept: data.accept.split(' '), slips, hint };
}

const result = async (s: GradedSpec, response: string | number[]) => (await grade(s, response)).result;
const message = async (s: GradedSpec, response: string | number[]) => {
  const g = await grade(s, response);
  return 'message' in g ? g.message : '';
};

describe('parseNumber', () => {
  it('reads dot decimals, a leading minus or plus, a trailing percent sign, and ignores surrounding spaces', () => {
    expect(parseNumber('1.5')).toEqual({ ok: true, value: 1.5, percent: false });
    expect(parseNumber('  -3 ')).toEqual({ ok: true, value: -3, percent: false });
    expect(parseNumber('+4')).toEqual({ ok: true, value: 4, percent: false });
    expect(parseNumber('.5')).toEqual({ ok: true, value: 0.5, percent: false });
    expect(parseNumber('12.5 %')).toEqual({ ok: true, value: 12.5, percent: true });
  });
  it('accepts the typographic minus that KaTeX prints', () => {
    expect(parseNumber('\u22129')).toEqual({ ok: true, value: -9, percent: false });
  });
  it('refuses a decimal comma with a message that shows the dot form, and non-numbers', () => {
    const parsed = parseNumber('1,5');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('1.5');
    for (const raw of ['', '   ', 'abc', '1.2.3', '- 3', '0x10', 'Infinity', '1e', '%']) expect(parseNumber(raw).ok).toBe(false);
  });
});

describe('grade', () => {
  it('matches numbers exactly by default, and within the tolerance (give or take an eighth of it) when given', async () => {
    const exact = await spec({ id: 'a', answer: 448 });
    expect(await result(exact, '448')).toBe('correct');
    expect(await result(exact, '447')).toBe('wrong');
    expect(await result(await spec({ id: 'a', answer: 0.3 }), String(0.1 + 0.2))).toBe('correct');
    const tol = await spec({ id: 'a', answer: 1.5, tolerance: 0.05 });
    for (const ok of ['1.5', '1.54', '1.455', '1.55']) expect(await result(tol, ok)).toBe('correct');
    for (const no of ['1.56', '1.43', '15']) expect(await result(tol, no)).toBe('wrong');
    expect(await result(await spec({ id: 'a', answer: 0 }), '-0')).toBe('correct');
  });
  it('gives a slip its own feedback, and the hint otherwise, never the answer', async () => {
    const s = await spec({ id: 'conv', answer: -9, slips: [{ value: -10, feedback: 'You forgot the bias.' }] }, 'multiply and add');
    expect(await message(s, '-10')).toBe('You forgot the bias.');
    expect(await message(s, '3')).toBe('Hint: multiply and add');
    expect(await message(s, '9')).toMatch(/sign/);
    for (const r of ['-10', '3', '9']) expect(await message(s, r)).not.toContain('-9');
  });
  it('reads percent and fraction answers as the question means them, and names the other slip', async () => {
    const percent = await spec({ id: 'p', answer: 12.5, tolerance: 0.1, unit: 'percent' });
    expect(await result(percent, '12.5')).toBe('correct');
    expect(await result(percent, '12.5%')).toBe('correct');
    expect(await message(percent, '0.125')).toMatch(/fraction/);
    const fraction = await spec({ id: 'f', answer: 0.0625, unit: 'fraction' });
    expect(await result(fraction, '0.0625')).toBe('correct');
    expect(await result(fraction, '6.25%')).toBe('correct');
    expect(await message(fraction, '6.25')).toMatch(/percentage/);
    expect((await grade(await spec({ id: 'n', answer: 3 }), '3%')).result).toBe('unreadable');
  });
  it('grades one choice, several choices in any order (options by position), and phrases loosely', async () => {
    const choices = ['A', 'B', 'C'];
    const one = await spec({ id: 'c', answer: 'B', choices, slips: [{ choice: 'A', feedback: 'A is tempting.' }] }, 'compare them');
    expect(await result(one, [1])).toBe('correct');
    expect(await message(one, [0])).toBe('A is tempting.');
    expect(await message(one, [2])).toBe('Hint: compare them');
    expect(await result(one, [])).toBe('unreadable');
    // An option's text is not an answer: the page sends positions.
    expect(await result(one, 'B')).toBe('unreadable');
    const many = await spec({ id: 'm', answer: ['A', 'C'], choices, multiple: true, slips: [{ choice: ['A'], feedback: 'One more.' }] });
    expect(await result(many, [2, 0])).toBe('correct');
    expect(await message(many, [0])).toBe('One more.');
    expect(await result(many, [0, 1, 2])).toBe('wrong');
    expect(await result(many, [2])).toBe('wrong');
    const text = await spec({ id: 't', answer: ['Max pooling', 'max-pool'] });
    expect(await result(text, '  max   POOLING ')).toBe('correct');
    expect(await result(text, 'Max-Pool')).toBe('correct');
    expect(await result(text, 'average pooling')).toBe('wrong');
  });
});

describe('buildExercise', () => {
  it('carries digests, not the answer, and fails on an impossible exercise', async () => {
    const data = await buildExercise({ id: 'x', answer: 1234.5, slips: [{ value: 1200, feedback: 'f' }] }, 'l', '<p>The worked solution.</p>');
    expect(JSON.stringify(data)).not.toMatch(/1234|worked solution/);
    await expect(buildExercise({ id: 'x', answer: 2, tolerance: 0.5, slips: [{ value: 2.4, feedback: 'f' }] }, 'l', '')).rejects.toThrow(/would be accepted/);
    await expect(buildExercise({ id: 'x', answer: 'D', choices: ['A', 'B'] }, 'l', '')).rejects.toThrow(/not one of its choices/);
    await expect(buildExercise({ id: 'x', answer: 'A', choices: ['A', 'B', 'A'] }, 'l', '')).rejects.toThrow(/differ/);
    await expect(buildExercise({ id: 'bad id', answer: 1 }, 'l', '')).rejects.toThrow(/id/);
  });
});
