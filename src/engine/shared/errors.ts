/**
 * Typed errors of the engine. Each names the function, the argument, what was
 * expected, what was got, and a hint, so a widget can show the reader a sentence
 * instead of a stack trace. The message is the engine's technical English; the
 * values are the same facts without words (names, numbers, ids), from which a
 * page words the error in its own language (`src/i18n/error-text.ts`).
 */
export type ErrorCode = keyof ErrorValues;

/** What each code's error carries for a page to word it; only identifiers, numbers and ids, never prose. */
export interface ErrorValues {
  'bad-argument': { fn: string; arg: string; got: string };
  'backend-unavailable': { tried: string };
  'model-load': { model: string };
  'image-decode': { source: string };
  'image-too-large': { source: string };
  /** A widget state (from a link, an assignment or storage) that does not parse; `where`: the field. */
  'bad-state': { where: string };
  /** An engine object used before it was ready or after it was disposed; `where`: the function. */
  'out-of-order': { where: string };
  superseded: { job: string };
}

interface GlassboxErrorOptions {
  cause?: unknown;
  /** The message is already a sentence for the reader in the page's language (an error made on the page). */
  worded?: boolean;
}

export class GlassboxError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name: string = 'GlassboxError';
  readonly worded: boolean;
  constructor(
    readonly code: C,
    message: string,
    readonly values: ErrorValues[C],
    readonly hint?: string,
    options: GlassboxErrorOptions = {},
  ) {
    super(hint ? `${message} (${hint})` : message, { cause: options.cause });
    this.worded = options.worded ?? false;
  }
}

/** A bad argument to an engine function: `fn(arg): expected X, got Y`. */
export function badArgument(fn: string, arg: string, expected: string, got: unknown, hint?: string): GlassboxError<'bad-argument'> {
  return new GlassboxError('bad-argument', `${fn}(${arg}): expected ${expected}, got ${describe(got)}`, { fn, arg, got: show(got) }, hint);
}

/**
 * Thrown to the submitter of a queued job that a newer job replaced before it
 * ran, and to the starter of a session that was cancelled or replaced.
 */
export class SupersededError extends GlassboxError<'superseded'> {
  override readonly name = 'SupersededError';
  constructor(key: string, reason = 'was replaced by a newer one') {
    super('superseded', `job "${key}" ${reason}`, { job: key });
  }
}

export function isSuperseded(error: unknown): boolean {
  return error instanceof GlassboxError && error.code === 'superseded';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  return String(value);
}

/** A value as the page shows it inside a sentence in any language: a string quoted, a list by its first items. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `[${value.slice(0, 4).map(show).join(', ')}${value.length > 4 ? `, … (${value.length})` : ''}]`;
  return String(value);
}
