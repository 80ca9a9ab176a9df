import type { z } from '~/engine/shared/zod.ts';
import { presenceSchema } from './room-schema.ts';
import type { Room } from './session-connect.ts';

/**
 * Who is in the room, from Yjs awareness (presenceSchema says what a page
 * publishes). The server refuses a presence that fails the schema, and every
 * page checks each one again before it is used.
 */
export type Presence = z.infer<typeof presenceSchema>;

/**
 * Everyone whose page is connected now, one entry per participant, sorted by
 * name. A reader with two pages open (two tabs, or one just left) is taken
 * at the one they came to last.
 */
export function participants(room: Room): Presence[] {
  const byId = new Map<string, Presence>();
  for (const value of room.provider.awareness?.getStates().values() ?? []) {
    const result = presenceSchema.safeParse(value);
    if (result.success && (result.data.since ?? 0) >= (byId.get(result.data.id)?.since ?? -1)) byId.set(result.data.id, result.data);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Publishes part of this page's presence. */
export function publish(room: Room, part: Partial<Presence>): void {
  const awareness = room.provider.awareness;
  if (!awareness) return;
  awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...part });
}

export function onPresence(room: Room, listener: () => void): void {
  room.provider.awareness?.on('change', listener);
}
