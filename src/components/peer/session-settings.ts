import { readStored, writeStored } from '~/components/ui/stored.ts';
import { z } from '~/engine/shared/zod.ts';
import { newParticipantId, PARTICIPANT_ID, ROOM_CODE } from './room-code.ts';
import { LIMITS } from './room-limits.ts';
import { localizedPath, pageLang } from '~/i18n/lang.ts';

/**
 * Who the reader is in peer sessions (an id and the name they chose, kept in
 * this browser) and which session they are in, if any: it stays across pages
 * and reloads until they leave, so following the presenter from lesson to
 * lesson keeps them in the room.
 */

/** The server the book was built to use (`PUBLIC_PEER_SERVER`), unless the session dialog names another. */
export const DEFAULT_SERVER: string = import.meta.env.PUBLIC_PEER_SERVER || 'ws://127.0.0.1:1234';

const IDENTITY_KEY = 'glassbox:peer:identity';
const SESSION_KEY = 'glassbox:peer:session';

/** A session server's address: ws:// or wss://, nothing after the host and port but a path. */
export const serverSchema = z.string().check(z.maxLength(200), z.regex(/^wss?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/));
export const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.name));

const identitySchema = z.object({ id: z.string().check(z.regex(PARTICIPANT_ID)), name: z.string().check(z.maxLength(LIMITS.name)) });
const sessionSchema = z.object({ code: z.string().check(z.regex(ROOM_CODE)), server: serverSchema, following: z.boolean() });

export type Identity = z.infer<typeof identitySchema>;
export type ActiveSession = z.infer<typeof sessionSchema>;

/** This browser's participant id and last chosen name ("Reader" until one is chosen), a new id the first time. */
export function identity(): Identity {
  const known = readStored(IDENTITY_KEY, identitySchema);
  if (known) return { ...known, name: known.name || 'Reader' };
  const made = { id: newParticipantId(), name: '' };
  writeStored(IDENTITY_KEY, made);
  return { ...made, name: 'Reader' };
}

export function saveName(name: string): void {
  writeStored(IDENTITY_KEY, { ...identity(), name });
}

export const activeSession = (): ActiveSession | undefined => readStored(SESSION_KEY, sessionSchema);

export function enterSession(session: ActiveSession): void {
  writeStored(SESSION_KEY, session);
}

export function setFollowing(following: boolean): void {
  const session = activeSession();
  if (session) writeStored(SESSION_KEY, { ...session, following });
}

export function leaveSession(): void {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The link that joins a session: the session page with the code, and the server when it is not the book's own. */
export function joinLink(code: string, server: string): string {
  const url = new URL(localizedPath('/session/', pageLang()), location.origin);
  url.searchParams.set('join', code);
  if (server !== DEFAULT_SERVER) url.searchParams.set('server', server);
  return url.toString();
}
