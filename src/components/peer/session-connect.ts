import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { readRefusal, type Refusal } from './refusal.ts';
import { roomDocument } from './room-code.ts';
import type { ActiveSession, Identity } from './session-settings.ts';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'unreachable' | 'refused';

/** A joined room: its document, the provider that syncs it, and who this reader is. */
export interface Room {
  code: string;
  me: Identity;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The origin of this page's own transactions, so observers can tell them from the room's. */
  local: symbol;
  /** Resolves once the room's document has arrived (the first sync). */
  synced: Promise<void>;
  /** Aborted when the reader leaves: listeners the page added for the room go with it. */
  signal: AbortSignal;
  onConnection(listener: (state: Connection) => void): void;
  /** Why the server refused this page's change, once it has. */
  refusal(): Refusal | undefined;
  leave(): void;
}

/** How long a first connection may take before the dialog says the server is unreachable. */
const FIRST_CONTACT_MS = 6000;

/**
 * Connects to a room. Edits made while the connection is down stay in this
 * page's document and are sent when it comes back (Yjs merges them with what
 * the others did meanwhile); the provider retries every few seconds.
 */
export function joinRoom(session: ActiveSession, me: Identity): Room {
  const doc = new Y.Doc();
  const listeners: ((state: Connection) => void)[] = [];
  let state: Connection = 'connecting';
  let everConnected = false;
  let refusal: Refusal | undefined;
  const tell = (next: Connection): void => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  const socket = new HocuspocusProviderWebsocket({ url: session.server, delay: 500, factor: 1.5, minDelay: 500, maxDelay: 3000 });
  let resolveSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: roomDocument(session.code),
    document: doc,
    onStatus: ({ status }) => {
      if (status === 'connected') {
        everConnected = true;
        tell('connected');
      } else if (status === 'disconnected') tell(everConnected ? 'reconnecting' : state === 'unreachable' ? 'unreachable' : 'connecting');
    },
    onSynced: () => resolveSynced(),
    // The server closed this page's connection to the room over a change it refused: the provider would
    // send the same change again on every reconnection, so the page says so instead.
    onClose: ({ event }) => {
      const read = readRefusal(event.reason);
      if (read) {
        refusal = read;
        tell('refused');
        provider.destroy();
      }
    },
  });
  provider.attach();
  const ended = new AbortController();
  const timer = setTimeout(() => {
    if (!everConnected) tell('unreachable');
  }, FIRST_CONTACT_MS);
  return {
    code: session.code,
    me,
    doc,
    provider,
    local: Symbol('this page'),
    synced,
    signal: ended.signal,
    refusal: () => refusal,
    onConnection(listener) {
      listeners.push(listener);
      listener(state);
    },
    leave() {
      ended.abort();
      clearTimeout(timer);
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
