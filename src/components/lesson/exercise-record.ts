import { writeStored } from '~/components/ui/stored.ts';
import { pageKey } from '~/i18n/lang.ts';
import { z } from '~/engine/shared/zod.ts';
import { widgetStateSchema } from '~/engine/shared/state.ts';

/**
 * What the book keeps about one exercise in this browser (localStorage): the
 * last response, whether it was checked right, how many checked attempts it
 * took, whether and how the worked solution was opened, when, and for a widget
 * task the widget state that passed. The progress page and an assignment's
 * hand-in file read the same records.
 */
export const exerciseRecordSchema = z.object({
  /**
   * The last response: typed text or a reflection; for a choice exercise the
   * chosen options' positions in its list (0 first), the same in both editions.
   * Records written before options were kept by position hold the options'
   * texts instead (a string, or a list for several); exercise-options.ts reads both.
   */
  answer: z.union([
    z.string().check(z.maxLength(4000)),
    z.array(z.string().check(z.maxLength(400))).check(z.maxLength(20)),
    z.array(z.int().check(z.nonnegative(), z.lte(99))).check(z.maxLength(20)),
  ]),
  /** Right, wrong, or null while edited since the last check (a reflection is null until saved, then true). */
  correct: z.nullable(z.boolean()),
  /** Checked attempts; an empty or unreadable entry is not one. */
  attempts: z.int().check(z.nonnegative()),
  /** How the worked solution became visible: not yet, asked for before solving, after three wrong attempts, or by solving. */
  revealed: z.enum(['no', 'asked', 'attempts', 'solved']),
  /** ISO times of the first checked attempt, the first right one and the first view of the solution. */
  firstAttemptAt: z.optional(z.string().check(z.maxLength(40))),
  solvedAt: z.optional(z.string().check(z.maxLength(40))),
  revealedAt: z.optional(z.string().check(z.maxLength(40))),
  /** A widget task's widget state at the check that passed. */
  passedState: z.optional(widgetStateSchema),
});

export type ExerciseRecord = z.infer<typeof exerciseRecordSchema>;

export const EMPTY_RECORD: ExerciseRecord = { answer: '', correct: null, attempts: 0, revealed: 'no' };

/** Wrong checked attempts after which the worked solution opens by itself. */
export const ATTEMPTS_BEFORE_SOLUTION = 3;

/**
 * glassbox:exercise:<pathname>:<id>. The trailing slash is dropped because the
 * site answers on both /lessons/x and /lessons/x/, and one page should keep one answer;
 * the edition prefix is dropped because both editions of a lesson have the same
 * exercises, and a reader who switches language keeps their work.
 */
export function storageKey(pathname: string, id: string): string {
  const path = pageKey(pathname);
  return `glassbox:exercise:${path}:${id}`;
}

/**
 * The key of the record an exercise element keeps: a review's own key where a
 * TA's review set one, else one record per exercise of a lesson, whether it
 * is done in the lesson or in an assignment (`data-lesson`), else the page's.
 */
export function recordKey(root: HTMLElement): string {
  const lesson = root.dataset['lesson'];
  return root.dataset['recordKey'] ?? storageKey(lesson ? `/lessons/${lesson}` : window.location.pathname, root.dataset['exerciseId'] ?? '');
}

/**
 * The record kept under `key`, or null. Records written before attempts were
 * counted ({answer, correct}) are read as one attempt with the solution shown
 * if they were checked, which is what the page did then.
 */
export function loadRecord(key: string): ExerciseRecord | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const data: unknown = JSON.parse(raw);
    const parsed = exerciseRecordSchema.safeParse(data);
    if (parsed.success) return parsed.data;
    const legacy = z.object({ answer: z.string(), correct: z.nullable(z.boolean()) }).safeParse(data);
    if (!legacy.success) return null;
    const checked = legacy.data.correct !== null;
    return { ...legacy.data, attempts: checked ? 1 : 0, revealed: checked ? (legacy.data.correct ? 'solved' : 'attempts') : 'no' };
  } catch {
    // Storage can be missing or throw (private windows, disabled storage): the exercise still works, it just forgets.
    return null;
  }
}

export function saveRecord(key: string, record: ExerciseRecord): void {
  writeStored(key, record);
}
