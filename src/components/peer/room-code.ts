/**
 * A peer session's room code: 20 letters of base32 (100 random bits), so a
 * room cannot be found by guessing. The server refuses any document whose
 * name is not `glassbox-<code>`. Participant ids use the same alphabet.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const ROOM_CODE = /^[a-z2-7]{20}$/;
export const PARTICIPANT_ID = /^[a-z2-7]{12}$/;

function randomBase32(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

export const newRoomCode = (): string => randomBase32(20);
export const newParticipantId = (): string => randomBase32(12);
export const newRoundId = (): string => randomBase32(12);

/** The Hocuspocus document of a room. */
export const roomDocument = (code: string): string => `glassbox-${code}`;

/** The code in a document name, or undefined for a name that is not a room's. */
export function codeOfDocument(name: string): string | undefined {
  const code = name.startsWith('glassbox-') ? name.slice('glassbox-'.length) : '';
  return ROOM_CODE.test(code) ? code : undefined;
}

/** A code as a reader types it (any case, spaces or dashes between groups), or undefined. */
export function readRoomCode(text: string): string | undefined {
  const code = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '');
  return ROOM_CODE.test(code) ? code : undefined;
}

/** A code in groups of five, easier to read aloud and to copy from a projector. */
export const showRoomCode = (code: string): string => code.match(/.{1,5}/g)!.join('-');
