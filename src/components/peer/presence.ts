import { z } from '~/engine/shared/zod.ts';
import { PARTICIPANT_ID } from './room-code.ts';
import { LIMITS, PATH } from './room-schema.ts';
import type { Room } from './session-connect.ts';

/**
 * Who is in the room, from Yjs awareness: each page publishes its reader's id
 * and chosen name, whether they follow, and for the presenter where they are
 * and where their pointer is. Every state is checked before it is used; one
 * that fails is left out, as if that page were not there.
 */
const place = z.strictObject({
  path: z.string().check(z.regex(PATH)),
  anchor: z.string().check(z.regex(/^[A-Za-z0-9_-]{0,100}$/)),
  frac: z.number().check(z.gte(0), z.lte(1)),
});
const presenceSchema = z.strictObject({
  id: z.string().check(z.regex(PARTICIPANT_ID)),
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  following: z.boolean(),
  /** Asks the presenter for the wheel. */
  ask: z.optional(z.boolean()),
  at: z.optional(place),
  /** The pointer: a place for its height, and its x as a fraction of the text column. */
  pointer: z.optional(z.extend(place, { x: z.number().check(z.gte(0), z.lte(1)) })),
});

export type Presence = z.infer<typeof presenceSchema>;
export type Place = z.infer<typeof place>;

/**
 * Everyone whose page is connected now, one entry per participant, sorted by
 * name. A reader who has just moved to another page can briefly have two
 * (the page they left is dropped when its connection is seen to close): the
 * one updated last is the one they are on.
 */
export function participants(room: Room): Presence[] {
  const awareness = room.provider.awareness;
  const byId = new Map<string, { presence: Presence; at: number }>();
  for (const [client, value] of awareness?.getStates() ?? []) {
    const result = presenceSchema.safeParse(value);
    const at = awareness?.meta.get(client)?.lastUpdated ?? 0;
    if (result.success && at >= (byId.get(result.data.id)?.at ?? -1)) byId.set(result.data.id, { presence: result.data, at });
  }
  return [...byId.values()].map((entry) => entry.presence).sort((a, b) => a.name.localeCompare(b.name));
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
