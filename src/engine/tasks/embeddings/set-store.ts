import { badArgument } from '../../shared/errors.ts';
import type { FeatureSet } from './feature-set.ts';

/**
 * The embedding sets the engine holds between interactions, by id. Islands
 * hold only the id: the neighbour, layout and agreement tasks look the set up
 * here, so no tensor-owning object ever leaves the engine (or, later, its worker).
 */
const sets = new Map<string, FeatureSet>();

/** Keeps `set` under `id`, freeing a set kept there before. */
export function keepSet(id: string, set: FeatureSet): void {
  const old = sets.get(id);
  if (old && old !== set) old.dispose();
  sets.set(id, set);
}

/** The set kept under `id`; `fn` names the caller in the error when there is none. */
export function setOf(id: string, fn: string): FeatureSet {
  const set = sets.get(id);
  if (!set) throw badArgument(fn, 'set', 'the id of an embedding set the engine holds', id, 'make it first with the embeddingSet session');
  return set;
}

/** Frees the set kept under `id`, if any. */
export function dropEmbeddingSet(id: string): void {
  sets.get(id)?.dispose();
  sets.delete(id);
}
