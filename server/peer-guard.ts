import type { Extension, beforeHandleMessagePayload, onConnectPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { codeOfDocument } from '../src/components/peer/room-code.ts';
import { checkRoom, LIMITS } from '../src/components/peer/room-schema.ts';

/** Hocuspocus message types that carry a document update (y-protocols sync inside). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync message types: step 2 and update carry content. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** An error that makes Hocuspocus close the connection with this code and reason. */
const refused = (reason: string): Error & { code: number; reason: string } => Object.assign(new Error(reason), { code: 4400, reason: reason.slice(0, 120) });

/**
 * What the server lets into a room: only documents named like a room, no
 * message larger than LIMITS.message, no more than LIMITS.rate messages a
 * second per connection (a bucket of LIMITS.burst), and no update after which
 * the document would fail `checkRoom`. A refused message closes the connection
 * before the update is applied, so no other participant ever receives it.
 */
export class PeerGuard implements Extension {
  /** Counted for the load test and the logs: updates refused since the start. */
  refusedUpdates = 0;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  async onConnect({ documentName }: onConnectPayload): Promise<void> {
    if (!codeOfDocument(documentName)) throw refused('not a room');
  }

  async beforeHandleMessage({ update, document, socketId }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength > LIMITS.message) throw this.refuse(`message of ${update.byteLength} bytes`);
    this.spend(socketId);
    const content = updateIn(update);
    if (!content) return;
    const probe = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
      Y.applyUpdate(probe, content);
    } catch {
      throw this.refuse('an update that does not decode');
    }
    const problem = checkRoom(probe);
    probe.destroy();
    if (problem) throw this.refuse(problem);
  }

  async onDisconnect({ socketId }: { socketId: string }): Promise<void> {
    this.buckets.delete(socketId);
  }

  private refuse(reason: string): Error {
    this.refusedUpdates += 1;
    return refused(reason);
  }

  /** A token bucket per connection: LIMITS.rate a second, up to LIMITS.burst saved. */
  private spend(socketId: string): void {
    const now = performance.now();
    const bucket = this.buckets.get(socketId) ?? { tokens: LIMITS.burst, at: now };
    bucket.tokens = Math.min(LIMITS.burst, bucket.tokens + ((now - bucket.at) / 1000) * LIMITS.rate) - 1;
    bucket.at = now;
    this.buckets.set(socketId, bucket);
    if (bucket.tokens < 0) throw this.refuse('more messages a second than a session needs');
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
    throw refused('a message that does not decode');
  }
}
