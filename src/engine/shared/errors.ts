/**
 * Typed errors of the engine. Each names the function, the argument, what was
 * expected, what was got, and a hint, so a widget can show the reader a sentence
 * instead of a stack trace.
 */
export type ErrorCode =
  | 'bad-argument'
  | 'backend-unavailable'
  | 'model-load'
  | 'image-decode'
  | 'image-too-large'
  | 'bad-state'
  | 'superseded';

export class GlassboxError extends Error {
  override readonly name: string = 'GlassboxError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message} (${hint})` : message, options);
  }
}

/** A bad argument to an engine function: `fn(arg): expected X, got Y`. */
export function badArgument(fn: string, arg: string, expected: string, got: unknown, hint?: string): GlassboxError {
  return new GlassboxError('bad-argument', `${fn}(${arg}): expected ${expected}, got ${describe(got)}`, hint);
}

/**
 * Thrown to the submitter of a queued job that a newer job replaced before it
 * ran, and to the starter of a session that was cancelled or replaced.
 */
export class SupersededError extends GlassboxError {
  override readonly name = 'SupersededError';
  constructor(key: string, reason = 'was replaced by a newer one') {
    super('superseded', `job "${key}" ${reason}`);
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
