/**
 * How an exercise's answers are written down without being readable: every
 * answer, and every slip that earns targeted feedback, is reduced to a
 * canonical key (a number rounded on the tolerance's grid, the positions of
 * the chosen options, a normalised phrase) and only a salted SHA-256 of that
 * key reaches the page. The build (Exercise.astro) and the reader's browser
 * (exercise-grade.ts) run this same code, through Web Crypto, which Node 22
 * and every browser have.
 *
 * What this can hide: the answer from the page source, the DOM and a search of
 * the built files. What it cannot: a reader who runs the hash over every
 * candidate (a small integer or one of four choices is found at once), since
 * the salt has to be in the page for the page to check anything.
 */

/** A number's key: its index on the grid of spacing `step`, or, for exact answers, its value to 10 significant digits. */
export function numberKey(value: number, step: number): string {
  if (step > 0) return `n:${Math.round(value / step) + 0}`;
  return `n:${Number(value.toPrecision(10)) + 0}`;
}

/**
 * The grid an answer with absolute tolerance `tolerance` is checked on: a
 * quarter of the tolerance, so a response is accepted when it lies within
 * `tolerance` of the answer, give or take an eighth of the tolerance.
 */
export function gridStep(tolerance: number): number {
  return tolerance > 0 ? tolerance / 4 : 0;
}

/** Every key that counts as `value`, within `tolerance`. */
export function numberKeys(value: number, tolerance: number): string[] {
  const step = gridStep(tolerance);
  if (step === 0) return [numberKey(value, 0)];
  const keys: string[] = [];
  const first = Math.ceil((value - tolerance) / step - 1e-9);
  const last = Math.floor((value + tolerance) / step + 1e-9);
  for (let k = first; k <= last; k += 1) keys.push(`n:${k + 0}`);
  return keys;
}

/** Spaces collapsed, case folded, typographic quotes and dashes made plain. */
export function normaliseText(raw: string): string {
  return raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2212\u2013]/g, '-')
    .toLowerCase();
}

/** A free-text answer's key. */
export function textKey(raw: string): string {
  return `t:${normaliseText(raw)}`;
}

/**
 * The key of a set of chosen options (one for a single choice), in any order.
 * An option is named by its position in the exercise's list, not by its text:
 * the two editions word their options differently but list them in the same
 * order (a test holds them to it), so an answer given in one edition is the
 * same answer in the other.
 */
export function choiceKey(positions: readonly number[]): string {
  return `c:${[...new Set(positions)].sort((a, b) => a - b).join(',')}`;
}

/** Hex of the salted SHA-256 of `key`, shortened to 128 bits. */
export async function digest(salt: string, key: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}|${key}`);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The digests of `keys`, in order. */
export function digests(salt: string, keys: readonly string[]): Promise<string[]> {
  return Promise.all(keys.map((key) => digest(salt, key)));
}
