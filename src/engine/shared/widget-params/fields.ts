import { z } from '../zod.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { Vars } from '../../../i18n/strings.ts';
import notices from '../../../i18n/ui/shared-notices.ts';

/** A string of the shared notices (src/i18n/ui/shared-notices.ts). */
export type NoticeKey = keyof typeof notices.en;
/** A fallback in words: one of the shared notices' `fallback.*` strings. */
export type FallbackKey = Extract<NoticeKey, `fallback.${string}`>;

/** Words for the reader, put into the reader's edition only when a notice is written: a shared notice's key and its values. */
export interface Words {
  key: NoticeKey;
  vars?: Vars;
}

/** Words in one edition (English by default). */
export function say(words: Words, lang: Lang = 'en'): string {
  return notices(lang)(words.key, words.vars);
}

/**
 * One setting of a widget as a restored state may hold it: what it accepts, what
 * replaces a value it refuses, and the rule in words for the reader's notice
 * ("kernel: -1 is not one of identity, …; using vertical-edge.").
 */
export interface Field {
  schema: z.ZodMiniType;
  /** Used in place of a refused value; `undefined` drops the value and leaves the choice to the widget. */
  fallback: unknown;
  /** The fallback in words, when it is not a plain value (e.g. "the first object's class"). */
  fallbackText?: Words;
  /** The rule, completing "<value> is not …". */
  expected: Words;
  /** Why this particular value is refused (the whole predicate, "is not …"), when the rule alone would mislead. */
  reason?: (value: unknown) => Words | undefined;
}

/** A field, or one whose rule depends on the other settings (already checked, defaults filled in). */
export type FieldRule = Field | ((settings: Readonly<Record<string, unknown>>) => Field);

/** A whole number in [min, max]. */
export function intIn(min: number, max: number, fallback: number | undefined, fallbackText?: FallbackKey): Field {
  return {
    schema: z.int().check(z.gte(min), z.lte(max)),
    fallback,
    expected: { key: 'expected.wholeNumber', vars: { min, max } },
    ...(fallbackText ? { fallbackText: { key: fallbackText } } : {}),
  };
}

/** A finite number in [min, max]. */
export function numberIn(min: number, max: number, fallback: number): Field {
  return { schema: z.number().check(z.gte(min), z.lte(max)), fallback, expected: { key: 'expected.number', vars: { min, max } } };
}

/** Any finite number (the control itself has no bounds). */
export function anyNumber(fallback: number): Field {
  return { schema: z.number(), fallback, expected: { key: 'expected.finiteNumber' } };
}

/** One of the values a menu offers. */
export function oneOf<T extends string | number>(values: readonly T[], fallback: T | undefined, fallbackText?: FallbackKey): Field {
  return {
    schema: z.literal(values),
    fallback,
    expected: { key: 'expected.oneOf', vars: { values: values.join(', ') } },
    ...(fallbackText ? { fallbackText: { key: fallbackText } } : {}),
  };
}

/** A checkbox. */
export function flag(fallback: boolean): Field {
  return { schema: z.boolean(), fallback, expected: { key: 'expected.flag' } };
}

/** A list of exactly `length` finite numbers, each in `range` if one is given. */
export function numbersOf(length: number, fallback: readonly number[], range?: [number, number]): Field {
  const item = range ? z.number().check(z.gte(range[0]), z.lte(range[1])) : z.number();
  return {
    schema: z.array(item).check(z.length(length)),
    fallback,
    expected: range ? { key: 'expected.rangedList', vars: { length, min: range[0], max: range[1] } } : { key: 'expected.finiteList', vars: { length } },
  };
}

/** A layer name as the models spell them (letters, digits, underscores); whether the model has it is checked where its list is known. */
export function layerName(fallback: string | undefined, fallbackText?: FallbackKey): Field {
  return {
    schema: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)),
    fallback,
    expected: { key: 'expected.layerName' },
    ...(fallbackText ? { fallbackText: { key: fallbackText } } : {}),
  };
}

/** A value as a notice quotes it, in the reader's edition: short, on one line, never a whole data URL. */
export function show(value: unknown, lang: Lang = 'en'): string {
  const t = notices(lang);
  const quote = (v: unknown): string => show(v, lang);
  if (value === undefined) return t('show.nothing');
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  if (Array.isArray(value))
    return value.length > 12 ? t('show.longList', { items: value.slice(0, 12).map(quote).join(', '), n: value.length }) : `[${value.map(quote).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const ref = value as Record<string, unknown>;
    if (ref['kind'] === 'photo') return t('show.photo', { id: quote(ref['id']) });
    if (ref['kind'] === 'dataset') return t('show.image', { index: quote(ref['index']), dataset: quote(ref['dataset']) });
    if (ref['kind'] === 'upload') return t('show.upload', { name: quote(ref['name']) });
    return JSON.stringify(value).slice(0, 60);
  }
  return String(value);
}

/** The notice for a refused value in the reader's edition: the field's name, the value, why it is refused, and what is used instead. */
export function refusal(name: string, value: unknown, why: { expected: Words } | { reason: Words }, using: string, lang: Lang = 'en'): string {
  const t = notices(lang);
  const vars = { name, value: show(value, lang), using };
  return 'reason' in why ? t('notice.because', { ...vars, why: say(why.reason, lang) }) : t('notice.isNot', { ...vars, expected: say(why.expected, lang) });
}

/**
 * Checks one restored value: returns it if the field accepts it, else its
 * fallback and a notice, in the reader's edition, naming the field, the value
 * and what is used instead.
 */
export function checkField(name: string, value: unknown, field: Field, lang: Lang = 'en'): { value: unknown; notice?: string } {
  if (field.schema.safeParse(value).success) return { value };
  const reason = field.reason?.(value);
  const using = field.fallbackText ? say(field.fallbackText, lang) : show(field.fallback, lang);
  return { value: field.fallback, notice: refusal(name, value, reason ? { reason } : { expected: field.expected }, using, lang) };
}

/** The settings of one widget kind that a restored state may carry; a part it does not list is dropped. */
export interface WidgetSpec {
  /** The widget's own knobs, checked in this order (a rule may depend on those before it). */
  params: Readonly<Record<string, FieldRule>>;
  image?: Field;
  class?: FieldRule;
  layer?: Field;
  /** For widgets with a model menu (the state's `model`). */
  model?: Field;
  /** Only for widgets whose seed is a control; the others ignore the seed and keep it as it is. */
  seed?: Field;
}
