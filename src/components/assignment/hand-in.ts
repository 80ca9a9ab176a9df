import '~/i18n/zod-locale.ts';
import { z } from '~/engine/shared/zod.ts';
import { exerciseRecordSchema, type ExerciseRecord } from '~/components/lesson/exercise-record.ts';
import type { Assignment } from './assignment.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/**
 * The file a learner hands in: the assignment it answers (title, due text, the
 * link's check, and whether the link had been edited), and per exercise the
 * record this browser kept (exercise-record.ts). The schema is published as
 * JSON Schema at /schemas/hand-in-v1.json; the book reads the same file back
 * to show a TA the learner's view.
 */
const name = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(60));

export const handInSchema = z.strictObject({
  format: z.literal('glassbox-hand-in'),
  version: z.literal(1),
  assignment: z.strictObject({
    title: z.string().check(z.maxLength(120)),
    due: z.string().check(z.maxLength(120)),
    /** The assignment link's query string (`a=…&h=…`), so the file reopens the same assignment. */
    link: z.string().check(z.maxLength(6200)),
    /** The check of the assignment the learner actually had (the hash of the link's payload, whatever its `h` said). */
    check: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
    /** The link's check did not match its content when the learner opened it. */
    edited: z.boolean(),
    solutions: z.enum(['shown', 'withheld']),
  }),
  /** The name the learner typed when handing in; may be empty. */
  learner: z.string().check(z.maxLength(80)),
  handedInAt: z.string().check(z.maxLength(40)),
  items: z
    .array(
      z.strictObject({
        lesson: name,
        exercise: name,
        kind: z.enum(['number', 'text', 'choice', 'multiple', 'reflection', 'widget']),
        /** What this browser kept; null for an exercise never attempted. */
        record: z.nullable(exerciseRecordSchema),
      }),
    )
    .check(z.maxLength(40)),
  summary: z.strictObject({
    total: z.int().check(z.nonnegative()),
    /** Answered right (or, for a reflection, written). */
    done: z.int().check(z.nonnegative()),
    /** Of those, how many after the worked solution had been opened. */
    afterSolution: z.int().check(z.nonnegative()),
  }),
});

export type HandIn = z.infer<typeof handInSchema>;
export type HandInItem = HandIn['items'][number];

/** Whether a record counts as done, and whether the solution was open before it was. */
export function isDone(record: ExerciseRecord | null): boolean {
  return record?.correct === true;
}

export function afterSolution(record: ExerciseRecord | null): boolean {
  return isDone(record) && (record!.revealed === 'asked' || record!.revealed === 'attempts');
}

/** The hand-in for an assignment, from the records its page shows. */
export function makeHandIn(
  assignment: Assignment,
  link: { query: string; check: string; edited: boolean },
  items: readonly HandInItem[],
  learner: string,
): HandIn {
  const withRecords = items.map(({ lesson, exercise, kind, record }) => ({ lesson, exercise, kind, record }));
  return handInSchema.parse({
    format: 'glassbox-hand-in',
    version: 1,
    assignment: { title: assignment.title, due: assignment.due, link: link.query, check: link.check, edited: link.edited, solutions: assignment.solutions },
    learner: learner.slice(0, 80),
    handedInAt: new Date().toISOString(),
    items: withRecords,
    summary: {
      total: items.length,
      done: withRecords.filter((i) => isDone(i.record)).length,
      afterSolution: withRecords.filter((i) => afterSolution(i.record)).length,
    },
  });
}

/** Reads a hand-in file's text, or says why it is not one. */
export function readHandIn(text: string): { handIn: HandIn } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: t('handIn.notJson') };
  }
  const parsed = handInSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: t('handIn.notHandIn', { path: issue?.path.join('.') || 'file', message: String(issue?.message) }) };
  }
  return { handIn: parsed.data };
}
