import type {
  Document,
  Extension,
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  beforeUnloadDocumentPayload,
  onConnectPayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { refusalReason, type Refusal } from '../src/components/peer/refusal.ts';
import { codeOfDocument } from '../src/components/peer/room-code.ts';
import { LIMITS } from '../src/components/peer/room-limits.ts';
import { checkRoom, isEmptyPresence, presenceSchema, type Changed } from '../src/components/peer/room-schema.ts';

/** Hocuspocus message types that carry a document update (y-protocols sync inside). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync message types: step 2 and update carry content. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** An error that makes Hocuspocus close the page's connection to the room; pages read and word its reason (refusal.ts). */
const refused = (refusal: Refusal): Error & { code: number; reason: string } => {
  const reason = refusalReason(refusal);
  return Object.assign(new Error(reason), { code: 4400, reason });
};

/**
 * What the server lets into a room: only documents named like a room, no
 * message larger than LIMITS.message, no more than LIMITS.rate messages a
 * second per connection (a bucket of LIMITS.burst), no presence that fails
 * `presenceSchema`, and no update that waits on changes the room lacks or that
 * leaves an entry it touches failing `checkRoom`. A refused message closes the
 * connection before the update is applied, so no other participant receives it.
 */
export class PeerGuard implements Extension {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Each room's copy, and how to stop it following the room. */
  private readonly shadows = new WeakMap<Document, { copy: Y.Doc; unfollow: () => void }>();

  async onConnect({ documentName }: onConnectPayload): Promise<void> {
    if (!codeOfDocument(documentName)) throw refused({ code: 'not-a-room', detail: 'not a room' });
  }

  async beforeHandleMessage({ update, document, socketId }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength > LIMITS.message) throw refused({ code: 'too-large', detail: `message of ${update.byteLength} bytes` });
    this.spend(socketId);
    const content = updateIn(update);
    if (!content) return;
    const shadow = this.shadowOf(document);
    let changed: Changed | undefined;
    const listen = (transaction: Y.Transaction) => (changed = transaction.changed);
    shadow.on('afterTransaction', listen);
    try {
      Y.applyUpdate(shadow, content);
    } catch {
      this.forget(document);
      throw refused({ code: 'undecodable', detail: 'an update that does not decode' });
    } finally {
      shadow.off('afterTransaction', listen);
    }
    // An update that waits for items the room does not have would be let in unchecked, and take effect later
    // inside someone else's change: a page that synced with this server never sends one.
    const waiting = shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null;
    const problem: Refusal | undefined = waiting
      ? { code: 'missing-changes', detail: 'an update that depends on changes the room does not have' }
      : checkRoom(shadow, changed ?? new Map());
    if (problem) {
      // The shadow now holds the refused update: it is made again from the room as it is.
      this.forget(document);
      throw refused(problem);
    }
  }

  /**
   * A copy of a room that follows it (every update the room applies, from any
   * connection or from Redis, is applied to the copy too), where an incoming
   * update is tried first; only the entries it touches are then checked.
   */
  private shadowOf(document: Document): Y.Doc {
    let shadow = this.shadows.get(document);
    if (!shadow) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
      const follow = (update: Uint8Array) => Y.applyUpdate(copy, update);
      document.on('update', follow);
      shadow = { copy, unfollow: () => document.off('update', follow) };
      this.shadows.set(document, shadow);
    }
    return shadow.copy;
  }

  private forget(document: Document): void {
    const shadow = this.shadows.get(document);
    shadow?.unfollow();
    shadow?.copy.destroy();
    this.shadows.delete(document);
  }

  /** A presence must be one a page publishes (or empty, before the page has said who it is). */
  async beforeHandleAwareness({ states }: beforeHandleAwarenessPayload): Promise<void> {
    for (const [client, state] of states) {
      // An empty presence says nothing (the server's own scratch copy of each message has one): it is not passed on.
      if (isEmptyPresence(state)) states.delete(client);
      else if (!presenceSchema.safeParse(state).success) throw refused({ code: 'bad-presence', detail: 'a presence that no page publishes' });
    }
  }

  async beforeUnloadDocument({ document }: beforeUnloadDocumentPayload): Promise<void> {
    this.forget(document);
  }

  async onDisconnect({ socketId }: { socketId: string }): Promise<void> {
    this.buckets.delete(socketId);
  }

  /** A token bucket per connection: LIMITS.rate a second, up to LIMITS.burst saved. */
  private spend(socketId: string): void {
    const now = performance.now();
    const bucket = this.buckets.get(socketId) ?? { tokens: LIMITS.burst, at: now };
    bucket.tokens = Math.min(LIMITS.burst, bucket.tokens + ((now - bucket.at) / 1000) * LIMITS.rate) - 1;
    bucket.at = now;
    this.buckets.set(socketId, bucket);
    if (bucket.tokens < 0) throw refused({ code: 'too-fast', detail: 'more messages a second than a session needs' });
  }
}

/** The document update a raw Hocuspocus message carries, or undefined for any other message. */
function updateIn(message: Uint8Array): Uint8Array | undefined {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return undefined;
    const syncType = decoding.readVarUint(decoder);
    return syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : undefined;
  } catch {
    throw refused({ code: 'undecodable', detail: 'a message that does not decode' });
  }
}
