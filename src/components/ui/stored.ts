import type { z } from '~/engine/shared/zod.ts';

/**
 * What the book keeps in this browser's localStorage, as JSON: read back only
 * if it still passes its schema, and written without failing where storage is
 * full or disabled (a private window, say): the page then simply forgets.
 */

/** The value kept under `key`, or undefined when there is none, it is not JSON or it fails `schema`. */
export function readStored<T>(key: string, schema: z.ZodMiniType<T>): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the page works on, and forgets on reload.
  }
}
