import type { APIRoute } from 'astro';
import { z } from '~/engine/shared/zod.ts';
import { handInSchema } from '~/components/assignment/hand-in.ts';

/**
 * The published JSON Schema of a hand-in file, generated from the schema the
 * book validates with. zod marks a prefix rule with a format of its own
 * ("starts_with") beside the standard pattern that states it; only the pattern is kept.
 */
const schema = { $id: '/schemas/hand-in-v1.json', title: 'Glassbox assignment hand-in, version 1', ...z.toJSONSchema(handInSchema) };

export const GET: APIRoute = () =>
  new Response(JSON.stringify(schema, (key, value: unknown) => (key === 'format' && value === 'starts_with' ? undefined : value), 2), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
