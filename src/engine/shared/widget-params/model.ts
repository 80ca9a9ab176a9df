import { z } from '../zod.ts';
import { RUN_MODEL_PREFIX, SHIPPED_MODELS } from '../models.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { refusal, show, type Field } from './fields.ts';

/** The shipped Glassbox Objects models, in menu order: what an explanation widget can always explain. */
export const OBJECTS_MODEL_IDS: readonly string[] = SHIPPED_MODELS.filter((m) => m.dataset === 'objects').map((m) => m.id);

/** The model the explanation widgets compute with when a state names none (or one that is gone). */
export const DEFAULT_MODEL = 'objects-cnn';

/** A run the training lab saved, by the name saveRun accepts (src/engine/runtime/saved-runs.ts). */
const RUN_ID = new RegExp(`^${RUN_MODEL_PREFIX}[a-z0-9-]{1,64}$`);

/** Whether `value` names a shipped Glassbox Objects model or, by its form, a saved run. */
export function isObjectsModelId(value: unknown): value is string {
  return typeof value === 'string' && (OBJECTS_MODEL_IDS.includes(value) || RUN_ID.test(value));
}

/**
 * The model an explanation widget computes with. Whether a saved run still
 * exists in this browser is known only once the engine lists the runs:
 * `chooseModel` checks it there.
 */
export const OBJECTS_MODEL: Field = {
  schema: z.string().check(z.refine(isObjectsModelId)),
  fallback: DEFAULT_MODEL,
  expected: { key: 'expected.objectsModel', vars: { ids: OBJECTS_MODEL_IDS.join(', '), prefix: RUN_MODEL_PREFIX } },
};

/**
 * The model a widget shows once its menu is known: the restored one if the
 * menu offers it, else the default, with a notice in the reader's edition
 * saying why (a saved run that is not in this browser: deleted, or trained in
 * another one).
 */
export function chooseModel(wanted: string | undefined, offered: readonly string[], lang: Lang = 'en'): { model: string; notice?: string } {
  if (wanted === undefined || offered.includes(wanted)) return { model: wanted ?? DEFAULT_MODEL };
  const why = wanted.startsWith(RUN_MODEL_PREFIX)
    ? { reason: { key: 'why.runGone' } as const }
    : { expected: { key: 'expected.oneOf', vars: { values: offered.join(', ') } } as const };
  return { model: DEFAULT_MODEL, notice: refusal('model', wanted, why, show(DEFAULT_MODEL, lang), lang) };
}
