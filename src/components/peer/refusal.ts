import type { Lang } from '../../i18n/lang.ts';
import strings from '../../i18n/ui/peer.ts';

/**
 * Why the server refused a page's message, as it closes the page's connection
 * to the room with `refused: <code>[ <part>]: <detail>`: a code for the kind of
 * refusal, which the page words in its reader's language; the part of the room
 * concerned, for the kinds that name one (a top-level name such as `widgets` or
 * `notes:/lessons/x/`, the same in every language); and the server's detail in
 * English, for logs and for readers of the English edition.
 */
const NAMES_PART = {
  /** The document is not named like a room. */
  'not-a-room': false,
  /** A message larger than LIMITS.message. */
  'too-large': false,
  /** More messages a second than LIMITS.rate allows. */
  'too-fast': false,
  /** A message or an update that does not decode. */
  undecodable: false,
  /** An update that waits on changes the room does not have. */
  'missing-changes': false,
  /** A presence that fails presenceSchema. */
  'bad-presence': false,
  /** A top-level part no room has. */
  'unknown-part': true,
  /** Notes for more than LIMITS.notes pages. */
  'too-many-notes': false,
  /** A map with more entries than its limit. */
  'too-many': true,
  /** Notes longer than LIMITS.note. */
  'too-long': true,
  /** A part of the wrong kind: a list where entries belong, entries in a text. */
  'bad-part': true,
  /** A value, key or entry that fails the part's schema. */
  'bad-value': true,
  /** What a page makes of a reason it cannot read (from an older or newer server); never sent. */
  unknown: false,
} as const;
type RefusalCode = keyof typeof NAMES_PART;

/** One refusal: its code, the part of the room concerned (for the codes that name one), the server's English detail. */
export interface Refusal {
  code: RefusalCode;
  part?: string;
  detail: string;
}

/** How a refusal's reason starts when the server closes a page's connection to a room. */
export const REFUSED = 'refused: ';
/** Bytes of a close reason (a WebSocket allows 123): the detail is cut to fit, never the code or the part. */
const MAX_BYTES = 120;
const REASON = /^([a-z-]+)(?: (\S+))?: (.*)$/s;
const utf8 = new TextEncoder();

/** The reason the server closes a connection with. */
export function refusalReason({ code, part, detail }: Refusal): string {
  // A part is an identifier; one a hostile page made up is kept printable and short, so it cannot hide the detail.
  const head = `${REFUSED}${code}${part === undefined ? '' : ` ${part.replace(/[^\x21-\x7e]/g, '?').slice(0, 60)}`}: `;
  let room = MAX_BYTES - head.length;
  let kept = '';
  for (const char of detail) {
    room -= utf8.encode(char).length;
    if (room < 0) break;
    kept += char;
  }
  return head + kept;
}

/** A close reason read back: undefined when it is not a refusal, code `unknown` (with the whole text as detail) when it cannot be read. */
export function readRefusal(reason: string): Refusal | undefined {
  if (!reason.startsWith(REFUSED)) return undefined;
  const text = reason.slice(REFUSED.length);
  const [, code = '', part, detail = ''] = REASON.exec(text) ?? [];
  if (!Object.hasOwn(NAMES_PART, code)) return { code: 'unknown', detail: text };
  const known = code as RefusalCode;
  if (!NAMES_PART[known]) return { code: known, detail };
  return part === undefined ? { code: 'unknown', detail: text } : { code: known, part, detail };
}

/** A refusal in the words of the page's edition; the English edition adds the server's own detail, which is English. */
export function sayRefusal({ code, part = '', detail }: Refusal, lang: Lang): string {
  const why = strings(lang)(`refusal.${code}`, { part });
  return lang === 'en' && detail ? `${why} (${detail})` : why;
}
