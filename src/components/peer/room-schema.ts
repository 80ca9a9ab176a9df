import * as Y from 'yjs';
import { z } from '../../engine/shared/zod.ts';
import type { Refusal } from './refusal.ts';
import { PARTICIPANT_ID } from './room-code.ts';
import { LIMITS, PAGE_PATH, PATH } from './room-limits.ts';
import { fieldsProblem } from './widget-fields.ts';

/**
 * What a room's document may hold, checked the same way by the server (before
 * an update is applied) and by every page (before a value touches a widget or
 * the page). Four top-level maps and one text per lesson:
 * - `meta`: host, presenter (who has the wheel), the current round;
 * - `widgets`: `<path>#<widget id>` -> a Y.Map of one widget state's fields, so
 *   two people changing different settings of one widget both keep theirs;
 * - `notes:<lesson path>`: a top-level Y.Text, the group's notes (top-level, so
 *   two people who start the notes at once write into the same text);
 * - `rounds`: round id -> a peer-instruction round, written by the host;
 * - `answers`: `<round id>|<participant id>` -> that participant's votes.
 */

const pid = z.string().check(z.regex(PARTICIPANT_ID));
/** Round ids are made like participant ids. */
const ROUND_ID = PARTICIPANT_ID;
const roundId = z.string().check(z.regex(ROUND_ID));
const time = z.number().check(z.nonnegative(), z.lte(1e14));

export const metaSchema = z.strictObject({
  host: z.optional(pid),
  presenter: z.optional(pid),
  /** The round the host has open, or '' for none. */
  round: z.optional(z.union([roundId, z.literal('')])),
  created: z.optional(time),
});

/** `<path>#<widget id>`: where a shared widget state belongs. */
export const WIDGET_KEY = new RegExp(`^(${PAGE_PATH})#([a-z0-9-]{1,80})$`);
const short = z.string().check(z.maxLength(200));
const param = z.union([z.number(), short, z.boolean(), z.array(z.number()).check(z.maxLength(64))]);
/** One field of a shared widget state: its kind, image, model, class, layer, seed, a param (`p:<name>`), or who set it last. */
export const WIDGET_FIELD = /^(widget|image|model|class|layer|seed|p:[A-Za-z0-9_-]{1,40}|by|at)$/;
export const widgetFieldSchema = z.union([param, z.record(z.string().check(z.maxLength(40)), z.union([short, z.number()]))]);

/** A place on a lesson page (see page-anchor.ts). */
const placeSchema = z.strictObject({
  path: z.string().check(z.regex(PATH)),
  /** Any element id the book writes (headings keep their letters, e.g. "how-λ-is-drawn"), without control characters. */
  anchor: z.string().check(z.regex(/^[^\u0000-\u001f\u007f]{0,100}$/)),
  frac: z.number().check(z.gte(0), z.lte(1)),
});
/**
 * A page's presence (Yjs awareness): its reader's id and chosen name, whether
 * they follow, whether they ask for the wheel, and for the presenter their
 * place and pointer (x as a fraction of the text column). A page that has not
 * said who it is yet has an empty presence.
 */
export const presenceSchema = z.strictObject({
  id: pid,
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  following: z.boolean(),
  /** When the reader last came to this page (opened it, or came back to its tab): of two tabs, the later leads. */
  since: z.optional(time),
  ask: z.optional(z.boolean()),
  at: z.optional(placeSchema),
  pointer: z.optional(z.extend(placeSchema, { x: z.number().check(z.gte(0), z.lte(1)) })),
});
export const isEmptyPresence = (state: Record<string, unknown>): boolean => Object.keys(state).length === 0;

export const PHASES = ['answer', 'discuss', 'revote', 'closed'] as const;
export const roundSchema = z.strictObject({
  /** The exercise: `<lesson path>#<exercise id>`. */
  exercise: z.string().check(z.regex(new RegExp(`^${PAGE_PATH}#[a-z0-9-]{1,80}$`))),
  phase: z.enum(PHASES),
  /** Whether the class's answers are shown to everyone. */
  revealed: z.boolean(),
  /** Participant -> discussion group (1-based), set by the host. */
  groups: z.record(pid, z.int().check(z.gte(1), z.lte(LIMITS.groups))),
  started: time,
});
export type Round = z.infer<typeof roundSchema>;

const choiceKey = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));
const vote = z.array(choiceKey).check(z.minLength(1), z.maxLength(12));
export const answerSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  first: z.optional(vote),
  second: z.optional(vote),
  /** Why the second answer differs from the first (asked only then). */
  why: z.optional(z.string().check(z.maxLength(LIMITS.why))),
  at: time,
});
export type Answer = z.infer<typeof answerSchema>;
export const ANSWER_KEY = new RegExp(`^(${PARTICIPANT_ID.source.slice(1, -1)})\\|(${PARTICIPANT_ID.source.slice(1, -1)})$`);

const SECTIONS = ['meta', 'widgets', 'rounds', 'answers'] as const;
/** The top-level text of a lesson's notes, and the lesson of such a name (undefined for any other name). */
export const notesName = (path: string): string => `notes:${path}`;
const NOTES_NAME = new RegExp(`^notes:(${PAGE_PATH})$`);
export const notesPath = (name: string): string | undefined => NOTES_NAME.exec(name)?.[1];

/** A map-shaped type holds entries only under keys, never a list part. */
const isMapShaped = (type: Y.AbstractType<any>): boolean => type._start === null;
const isTextShaped = (type: Y.AbstractType<any>): boolean => type._map.size === 0;

function checkEntries(
  name: string,
  map: Y.Map<unknown>,
  limit: number,
  check: (key: string, value: unknown) => string | undefined,
  only?: Set<string>,
): Refusal | undefined {
  if (!isMapShaped(map)) return { code: 'bad-part', part: name, detail: `${name} holds a list` };
  if (map.size > limit) return { code: 'too-many', part: name, detail: `${name} holds ${map.size} entries, more than ${limit}` };
  for (const key of only ?? map.keys()) {
    if (!map.has(key)) continue;
    const problem = check(key, map.get(key));
    if (problem) return { code: 'bad-value', part: name, detail: `${name}.${key.slice(0, 60)}: ${problem}` };
  }
  return undefined;
}

/** Which top-level part, and which entry of it, each type that a transaction changed belongs to. */
export type Changed = Map<Y.AbstractType<any>, Set<string | null>>;

function touchedEntries(doc: Y.Doc, changed: Changed): Map<string, Set<string>> {
  const names = new Map<Y.AbstractType<any>, string>([...doc.share].map(([name, type]) => [type, name]));
  const touched = new Map<string, Set<string>>();
  const add = (name: string | undefined, key: string | null | undefined) => {
    if (name === undefined) return;
    const set = touched.get(name) ?? new Set<string>();
    if (typeof key === 'string') set.add(key);
    touched.set(name, set);
  };
  for (const [type, keys] of changed) {
    if (!type._item) {
      for (const key of keys) add(names.get(type), key);
      continue;
    }
    // A nested type: the entry of the top-level part it sits under.
    let child: Y.AbstractType<any> = type;
    while (child._item && (child._item.parent as Y.AbstractType<any>)._item) child = child._item.parent as Y.AbstractType<any>;
    add(names.get(child._item!.parent as Y.AbstractType<any>), child._item!.parentSub);
  }
  return touched;
}

const zodProblem = (schema: z.ZodMiniType, value: unknown): string | undefined => {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'not accepted');
};

function checkWidget(key: string, value: unknown): string | undefined {
  if (!WIDGET_KEY.test(key)) return 'not a widget key';
  if (!(value instanceof Y.Map) || !isMapShaped(value)) return 'not a map of fields';
  if (value.size > 60) return 'too many fields';
  for (const [field, item] of value.entries()) {
    if (!WIDGET_FIELD.test(field)) return `unknown field ${field.slice(0, 40)}`;
    if (item instanceof Y.AbstractType) return `field ${field} is not a plain value`;
    if (field === 'by' && !pid.safeParse(item).success) return 'by is not a participant';
    if (field === 'at' && !time.safeParse(item).success) return 'at is not a time';
    const problem = zodProblem(widgetFieldSchema, item);
    if (problem) return `field ${field}: ${problem}`;
  }
  return fieldsProblem(value.toJSON());
}

function checkNote(name: string, text: Y.Text): Refusal | undefined {
  if (!isTextShaped(text)) return { code: 'bad-part', part: name, detail: `${name}: not a text` };
  if (text.length > LIMITS.note) return { code: 'too-long', part: name, detail: `${name}: longer than ${LIMITS.note} characters` };
  return text.toDelta().every((op: { insert?: unknown; attributes?: unknown }) => typeof op.insert === 'string' && op.attributes === undefined)
    ? undefined
    : { code: 'bad-value', part: name, detail: `${name}: not plain text` };
}

/**
 * The first problem with a room's document, as the refusal the server sends
 * (its code, the part and a detail), or undefined when every part of it is of
 * the expected kind and shape. The server runs it on a copy of the
 * document with an incoming update applied, and refuses the update if it fails;
 * given what that update changed, it checks only the entries it touched (the
 * parts' kinds and sizes are always checked).
 */
export function checkRoom(doc: Y.Doc, changed?: Changed): Refusal | undefined {
  const touched = changed && touchedEntries(doc, changed);
  let notes = 0;
  for (const name of doc.share.keys()) {
    if ((SECTIONS as readonly string[]).includes(name)) continue;
    if (!NOTES_NAME.test(name)) return { code: 'unknown-part', part: name, detail: `unknown part ${name.slice(0, 40)}` };
    if ((notes += 1) > LIMITS.notes) return { code: 'too-many-notes', detail: `notes for more than ${LIMITS.notes} pages` };
    if (touched && !touched.has(name)) continue;
    const problem = checkNote(name, doc.getText(name));
    if (problem) return problem;
  }
  const has = (name: string): boolean => doc.share.has(name);
  if (has('meta')) {
    const meta = doc.getMap('meta');
    if (!isMapShaped(meta)) return { code: 'bad-part', part: 'meta', detail: 'meta holds a list' };
    // Keys one by one: toJSON would quietly drop a key such as __proto__.
    const unknown = [...meta.keys()].find((key) => !Object.hasOwn(metaSchema.shape, key));
    if (unknown !== undefined) return { code: 'bad-value', part: 'meta', detail: `meta: unknown key ${unknown.slice(0, 40)}` };
    const problem = zodProblem(metaSchema, meta.toJSON());
    if (problem) return { code: 'bad-value', part: 'meta', detail: `meta: ${problem}` };
  }
  const checks: [string, number, (key: string, value: unknown) => string | undefined][] = [
    ['widgets', LIMITS.widgets, checkWidget],
    ['rounds', LIMITS.rounds, (key, value) => (ROUND_ID.test(key) ? zodProblem(roundSchema, value) : 'not a round id')],
    ['answers', LIMITS.answers, (key, value) => (ANSWER_KEY.test(key) ? zodProblem(answerSchema, value) : 'not an answer key')],
  ];
  for (const [name, limit, check] of checks) {
    if (!has(name)) continue;
    const problem = checkEntries(name, doc.getMap(name), limit, check, touched && (touched.get(name) ?? new Set()));
    if (problem) return problem;
  }
  return undefined;
}

/** A value read from the room, or undefined when it does not pass its schema. */
export function readValue<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
