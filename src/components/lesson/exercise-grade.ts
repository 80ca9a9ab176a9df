import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/lesson-exercise.ts';
import { choiceKey, digest, gridStep, numberKey, textKey } from './exercise-answer.ts';

/**
 * Grades a response against the salted digests an exercise carries (see
 * exercise-answer.ts): right, wrong with the feedback written for that slip,
 * wrong with the automatic feedback for a flipped sign or a percent given as a
 * fraction (or the reverse), wrong with the hint, or unreadable (not an attempt).
 */

/** What the markup says about a graded exercise. */
export interface GradedSpec {
  kind: 'number' | 'text' | 'choice' | 'multiple';
  salt: string;
  /** Absolute tolerance of a number answer. */
  tolerance: number;
  /** A percent answer accepts "25" and "25%"; a fraction answer accepts "0.25" and "25%". */
  unit?: 'percent' | 'fraction' | undefined;
  /** Digests of every accepted key. */
  accept: readonly string[];
  /** Digests of the keys of each slip, with what to tell a reader who made it. */
  slips: readonly { digests: readonly string[]; feedback: string }[];
  hint?: string | undefined;
}

export type Grade = { result: 'correct' } | { result: 'wrong'; message: string; slip: boolean } | { result: 'unreadable'; message: string };

export type Parsed = { ok: true; value: number; percent: boolean } | { ok: false; message: string };

const t = strings(pageLang());

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number the way the book asks for one: a dot as the decimal point,
 * an optional leading minus (the typographic minus U+2212 that KaTeX prints
 * counts too), an optional trailing percent sign, surrounding spaces ignored.
 * A decimal comma is refused with a message rather than guessed at, because
 * "1,500" could mean 1.5 or 1500.
 */
export function parseNumber(raw: string): Parsed {
  let text = raw.trim().replace(/\u2212/g, '-');
  const percent = /\s*%$/.test(text);
  text = text.replace(/\s*%$/, '');
  if (text === '') return { ok: false, message: t('grade.typeNumber') };
  if (NUMBER.test(text)) return { ok: true, value: Number(text), percent };
  if (/^[+-]?\d*,\d+$/.test(text)) {
    return { ok: false, message: t('grade.useDot', { dot: text.replace(',', '.'), comma: text }) };
  }
  return { ok: false, message: t('grade.notNumber') };
}

/**
 * What a reader gives: typed text, or for a choice exercise the positions of
 * the options they chose in the exercise's list (the same in both editions).
 */
export type Response = string | readonly number[];

/** The response's key, or why it cannot have one. */
function responseKey(spec: GradedSpec, response: Response): { key: string; value?: number } | { message: string } {
  if (spec.kind === 'choice' || spec.kind === 'multiple') {
    const chosen = typeof response === 'string' ? [] : response;
    if (chosen.length === 0) return { message: spec.kind === 'choice' ? t('grade.chooseFirst') : t('grade.tickFirst') };
    return { key: choiceKey(chosen) };
  }
  const text = typeof response === 'string' ? response : response.join(' ');
  if (spec.kind === 'text') return text.trim() === '' ? { message: t('grade.typeAnswer') } : { key: textKey(text) };
  const parsed = parseNumber(text);
  if (!parsed.ok) return { message: parsed.message };
  if (parsed.percent && spec.unit !== 'percent' && spec.unit !== 'fraction') return { message: t('grade.noUnit') };
  const value = parsed.percent && spec.unit === 'fraction' ? parsed.value / 100 : parsed.value;
  return { key: numberKey(value, gridStep(spec.tolerance)), value };
}

/** Checks one response. No message ever contains the answer. */
export async function grade(spec: GradedSpec, response: Response): Promise<Grade> {
  const found = responseKey(spec, response);
  if ('message' in found) return { result: 'unreadable', message: found.message };
  const accepted = new Set(spec.accept);
  const matches = async (key: string) => accepted.has(await digest(spec.salt, key));
  if (await matches(found.key)) return { result: 'correct' };
  const hashed = await digest(spec.salt, found.key);
  const slip = spec.slips.find((s) => s.digests.includes(hashed));
  if (slip) return { result: 'wrong', message: slip.feedback, slip: true };
  const value = found.value;
  if (value !== undefined) {
    const step = gridStep(spec.tolerance);
    if (value !== 0 && (await matches(numberKey(-value, step)))) {
      return { result: 'wrong', message: t('grade.sign'), slip: true };
    }
    if (spec.unit === 'percent' && (await matches(numberKey(value * 100, step)))) {
      return { result: 'wrong', message: t('grade.looksFraction'), slip: true };
    }
    if (spec.unit === 'fraction' && (await matches(numberKey(value / 100, step)))) {
      return { result: 'wrong', message: t('grade.looksPercent'), slip: true };
    }
  }
  const hint = spec.hint ? t('grade.hint', { hint: spec.hint }) : t('grade.tryAgain');
  return { result: 'wrong', message: hint, slip: false };
}
