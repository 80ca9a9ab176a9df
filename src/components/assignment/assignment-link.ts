import '~/i18n/zod-locale.ts';
import { decodeBase64UrlJson, encodeBase64UrlJson } from '../../engine/shared/base64url-json.ts';
import { assignmentSchema, type Assignment } from './assignment.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/**
 * An assignment link: `?a=<base64url JSON>&h=<check>`. The check is a hash of
 * the payload, so a link changed by accident or by hand (a truncated paste, an
 * edited title) is detected and shown. It proves nothing against someone who
 * recomputes it: the code that makes it is public, as the TA guide says.
 */

/** Longest payload a link may carry, in characters; longer is refused before decoding. */
export const MAX_PAYLOAD = 6000;

export type ReadLink = { assignment: Assignment; edited: boolean } | { problem: string };

export async function linkCheck(payload: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`glassbox-assignment|${payload}`)));
  return Array.from(hash.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The query string (`a=…&h=…`) of a link to `assignment`. */
export async function encodeAssignment(assignment: Assignment): Promise<string> {
  const payload = encodeBase64UrlJson(assignmentSchema.parse(assignment));
  return `a=${payload}&h=${await linkCheck(payload)}`;
}

/** Reads the assignment in a query string, or says in words why it cannot. */
export async function readAssignment(search: string): Promise<ReadLink> {
  const params = new URLSearchParams(search);
  const payload = params.get('a');
  if (!payload) return { problem: t('link.empty') };
  if (payload.length > MAX_PAYLOAD) return { problem: t('link.tooLong', { length: payload.length, max: MAX_PAYLOAD }) };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { problem: t('link.badCharacters') };
  let value: unknown;
  try {
    value = decodeBase64UrlJson(payload);
  } catch {
    return { problem: t('link.undecodable') };
  }
  const parsed = assignmentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: t('link.invalid', { path: issue?.path.join('.') || 'assignment', message: String(issue?.message) }) };
  }
  return { assignment: parsed.data, edited: params.get('h') !== (await linkCheck(payload)) };
}
