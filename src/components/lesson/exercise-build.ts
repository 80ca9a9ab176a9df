import { choiceKey, digests, numberKeys, textKey } from './exercise-answer.ts';
import { seal } from './exercise-seal.ts';

/**
 * Build-time half of the Exercise component: checks what an MDX author wrote
 * (an impossible exercise fails the build, it does not ship) and turns the
 * answer, the slips and the worked solution into the digests and the sealed
 * text the page carries instead of them.
 */

/** A wrong response that earns its own feedback: a number, a choice (or set of choices), or a phrase. */
export interface Slip {
  value?: number;
  choice?: string | string[];
  text?: string;
  feedback: string;
}

export type ExerciseKind = 'number' | 'text' | 'choice' | 'multiple' | 'reflection' | 'widget';

export interface ExerciseProps {
  id: string;
  answer?: number | string | string[] | undefined;
  tolerance?: number | undefined;
  unit?: 'percent' | 'fraction' | undefined;
  choices?: string[] | undefined;
  multiple?: boolean | undefined;
  slips?: Slip[] | undefined;
  kind?: 'reflection' | 'widget' | undefined;
  task?: string | undefined;
}

/** What the page carries for one exercise, as data-* attribute values. */
export interface ExerciseData {
  kind: ExerciseKind;
  salt: string;
  accept: string;
  slips: string;
  sealed: string;
}

const fail = (id: string, message: string): never => {
  throw new Error(`Exercise "${id}": ${message}`);
};

export function exerciseKind(props: ExerciseProps): ExerciseKind {
  if (props.kind) return props.kind;
  if (props.choices?.length) return props.multiple ? 'multiple' : 'choice';
  return typeof props.answer === 'number' ? 'number' : 'text';
}

/** The keys one value stands for, in this exercise's terms. */
function keysOf(props: ExerciseProps, kind: ExerciseKind, value: number | string | string[]): string[] {
  const { id, choices = [], tolerance = 0 } = props;
  if (kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(id, `expected a finite number, got ${JSON.stringify(value)}.`);
    return numberKeys(value as number, tolerance);
  }
  if (kind === 'choice' || kind === 'multiple') {
    // The author names options by their text; the page and the reader's records know them by position (choiceKey).
    const chosen = Array.isArray(value) ? value : [String(value)];
    for (const c of chosen) if (!choices.includes(c)) fail(id, `${JSON.stringify(c)} is not one of its choices ${JSON.stringify(choices)}.`);
    if (kind === 'choice' && chosen.length !== 1) fail(id, 'a single-choice answer names exactly one choice.');
    return [choiceKey(chosen.map((c) => choices.indexOf(c)))];
  }
  return (Array.isArray(value) ? value : [String(value)]).map(textKey);
}

/** Checks the props and computes the digests and the sealed solution for a lesson page. */
export async function buildExercise(props: ExerciseProps, lesson: string, solutionHtml: string): Promise<ExerciseData> {
  const { id, tolerance = 0, slips = [] } = props;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) fail(id, "the id must be letters, digits, '-' or '_'.");
  if (!Number.isFinite(tolerance) || tolerance < 0) fail(id, `tolerance must be a number >= 0, got ${String(tolerance)}.`);
  const kind = exerciseKind(props);
  const { choices = [] } = props;
  // A repeated option would make a text name two positions, and an old record kept by text ambiguous.
  if (new Set(choices).size !== choices.length) fail(id, `its choices must differ from each other, got ${JSON.stringify(choices)}.`);
  const salt = `glassbox|${lesson}|${id}`;
  const graded = kind !== 'reflection' && kind !== 'widget';
  if (graded && props.answer === undefined) fail(id, 'a graded exercise needs an answer.');
  if (kind === 'widget' && !props.task) fail(id, 'a widget task names its task.');
  const acceptKeys = graded ? keysOf(props, kind, props.answer!) : [];
  const slipData = [];
  for (const slip of slips) {
    const value = slip.value ?? slip.choice ?? slip.text;
    if (value === undefined || !slip.feedback) fail(id, `each slip needs a value, choice or text and its feedback, got ${JSON.stringify(slip)}.`);
    const keys = keysOf(props, kind, value!);
    if (keys.some((key) => acceptKeys.includes(key))) fail(id, `the slip ${JSON.stringify(value)} would be accepted as right.`);
    slipData.push({ d: await digests(salt, keys), f: slip.feedback });
  }
  return {
    kind,
    salt,
    accept: (await digests(salt, acceptKeys)).join(' '),
    slips: JSON.stringify(slipData),
    sealed: solutionHtml ? await seal(salt, solutionHtml) : '',
  };
}
