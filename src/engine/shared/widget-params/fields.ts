import { z } from '../zod.ts';

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
  fallbackText?: string;
  /** The rule, completing "<value> is not …". */
  expected: string;
  /** Why this particular value is refused, when the rule alone would mislead. */
  reason?: (value: unknown) => string | undefined;
}

/** A field, or one whose rule depends on the other settings (already checked, defaults filled in). */
export type FieldRule = Field | ((settings: Readonly<Record<string, unknown>>) => Field);

/** A whole number in [min, max]. */
export function intIn(min: number, max: number, fallback: number | undefined, fallbackText?: string): Field {
  return { schema: z.int().check(z.gte(min), z.lte(max)), fallback, expected: `a whole number from ${min} to ${max}`, ...(fallbackText ? { fallbackText } : {}) };
}

/** A finite number in [min, max]. */
export function numberIn(min: number, max: number, fallback: number): Field {
  return { schema: z.number().check(z.gte(min), z.lte(max)), fallback, expected: `a number from ${min} to ${max}` };
}

/** Any finite number (the control itself has no bounds). */
export function anyNumber(fallback: number): Field {
  return { schema: z.number(), fallback, expected: 'a finite number' };
}

/** One of the values a menu offers. */
export function oneOf<T extends string | number>(values: readonly T[], fallback: T | undefined, fallbackText?: string): Field {
  return { schema: z.literal(values), fallback, expected: `one of ${values.join(', ')}`, ...(fallbackText ? { fallbackText } : {}) };
}

/** A checkbox. */
export function flag(fallback: boolean): Field {
  return { schema: z.boolean(), fallback, expected: 'true or false' };
}

/** A list of exactly `length` finite numbers, each in `range` if one is given. */
export function numbersOf(length: number, fallback: readonly number[], range?: [number, number]): Field {
  const item = range ? z.number().check(z.gte(range[0]), z.lte(range[1])) : z.number();
  return {
    schema: z.array(item).check(z.length(length)),
    fallback,
    expected: `a list of ${length} ${range ? `numbers from ${range[0]} to ${range[1]}` : 'finite numbers'}`,
  };
}

/** A layer name as the models spell them (letters, digits, underscores); whether the model has it is checked where its list is known. */
export function layerName(fallback: string | undefined, fallbackText?: string): Field {
  return {
    schema: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)),
    fallback,
    expected: 'a layer name',
    ...(fallbackText ? { fallbackText } : {}),
  };
}

/** A value as a notice quotes it: short, on one line, never a whole data URL. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  if (Array.isArray(value)) return value.length > 12 ? `[${value.slice(0, 12).map(show).join(', ')}, … (${value.length} numbers)]` : `[${value.map(show).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const ref = value as Record<string, unknown>;
    if (ref['kind'] === 'photo') return `photo ${show(ref['id'])}`;
    if (ref['kind'] === 'dataset') return `image ${show(ref['index'])} of ${show(ref['dataset'])}`;
    if (ref['kind'] === 'upload') return `your own image ${show(ref['name'])}`;
    return JSON.stringify(value).slice(0, 60);
  }
  return String(value);
}

/**
 * Checks one restored value: returns it if the field accepts it, else its
 * fallback and a notice naming the field, the value and what is used instead.
 */
export function checkField(name: string, value: unknown, field: Field): { value: unknown; notice?: string } {
  if (field.schema.safeParse(value).success) return { value };
  const why = field.reason?.(value) ?? `is not ${field.expected}`;
  const using = field.fallbackText ?? show(field.fallback);
  return { value: field.fallback, notice: `${name}: ${show(value)} ${why}; using ${using}.` };
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
