import { normaliseText } from './exercise-answer.ts';
import type { ExerciseRecord } from './exercise-record.ts';

/**
 * A choice exercise's options as the reader's records name them. An option is
 * kept by its position in the exercise's list, which both editions share (the
 * lesson-parity test holds them to the same options in the same places);
 * records written before that kept the option's text, in the edition it was
 * chosen in, and must still restore in either edition.
 */

/**
 * The positions a record's answer names, among `count` options.
 *
 * A record kept by position is taken as it is. A record kept by text (a string
 * for one choice, a list for several) is matched, text by text, against each
 * list in `editions` in turn: the page's own edition first, then the other
 * edition's texts, which the build writes into the page (Exercise.astro reads
 * them from the other edition's MDX), so an old answer restores in both
 * editions. Texts are compared as the grader compares phrases (normaliseText).
 *
 * Null when the record names something the exercise no longer has: a text in
 * neither list (an option reworded since, or a page built without the other
 * edition's texts) or a position past the end. The caller then treats the
 * exercise as unanswered, rather than guess at an option or show a verdict
 * with nothing checked.
 */
export function chosenPositions(answer: ExerciseRecord['answer'], count: number, editions: readonly (readonly string[])[]): number[] | null {
  const list: readonly (string | number)[] = typeof answer === 'string' ? (answer === '' ? [] : [answer]) : answer;
  const positions: number[] = [];
  for (const item of list) {
    let at = -1;
    if (typeof item === 'number') at = item;
    else {
      const text = normaliseText(item);
      for (const edition of editions) {
        at = edition.findIndex((option) => normaliseText(option) === text);
        if (at >= 0) break;
      }
    }
    if (!Number.isInteger(at) || at < 0 || at >= count) return null;
    if (!positions.includes(at)) positions.push(at);
  }
  return positions.sort((a, b) => a - b);
}

/** A choice exercise's option inputs, in list order; an input's value is its position. */
export function optionInputs(root: HTMLElement): HTMLInputElement[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>('.choice input[type="radio"], .choice input[type="checkbox"]'));
}

/** The option texts an exercise element knows: its own edition's, as shown, then the other edition's, if the build found them. */
export function optionTexts(root: HTMLElement): string[][] {
  const own = optionInputs(root).map((input) => input.closest('.choice')?.querySelector('span')?.textContent ?? '');
  let other: unknown = [];
  try {
    other = JSON.parse(root.dataset['otherChoices'] ?? '[]');
  } catch {
    // Markup the build wrote; without it an old record is matched in this edition only.
  }
  const valid = Array.isArray(other) && other.length === own.length && other.every((text) => typeof text === 'string');
  return valid ? [own, other as string[]] : [own];
}

/** The positions `answer` names in the choice exercise `root`, or null (see chosenPositions). */
export function chosenIn(root: HTMLElement, answer: ExerciseRecord['answer']): number[] | null {
  const editions = optionTexts(root);
  return chosenPositions(answer, editions[0]!.length, editions);
}

/** A record's answer in words, as the page's edition words it: the chosen options' texts for a choice exercise. */
export function answerText(root: HTMLElement, answer: ExerciseRecord['answer']): string {
  if (optionInputs(root).length === 0) return Array.isArray(answer) ? answer.join('; ') : answer;
  const own = optionTexts(root)[0]!;
  return (chosenIn(root, answer) ?? []).map((at) => own[at]!).join('; ');
}
