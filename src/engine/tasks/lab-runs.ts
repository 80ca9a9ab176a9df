/**
 * The training lab's runs kept in this browser: each run's checkpoint in
 * IndexedDB holds its record (so its curves), its key holds its settings,
 * and a finished run's model is saved as `run:<name>`. One store, so the list
 * can never disagree with what a reload resumes.
 */
import { deleteRun, listRuns } from '../runtime/saved-runs.ts';
import { parseLabRunName, type LabSettings } from '../shared/lab-policies.ts';
import { RUN_MODEL_PREFIX } from '../shared/models.ts';
import { IndexedDbCheckpointStore } from '../train/indexeddb-store.ts';
import { labCurves, type LabPoint } from '../train/lab/run.ts';
import { LAB_SPEC } from '../train/lab/spec.ts';

/** Where the lab's checkpoints live: `glassbox-lab/<run name>`. */
export const LAB_CHECKPOINTS = 'glassbox-lab/';

export interface LabRunRecord extends LabSettings {
  name: string;
  curves: LabPoint[];
  /** Every epoch of the budget trained. */
  done: boolean;
  /** The saved model's id once the run finished, for the explanation widgets. */
  model: string | null;
}

const STEPS_PER_EPOCH = LAB_SPEC.samplesPerEpoch / LAB_SPEC.batchSize;

/** Every lab run in this browser, finished or not, in name order. */
export async function labRuns(): Promise<LabRunRecord[]> {
  const saved = new Set((await listRuns()).map((m) => m.id));
  const runs: LabRunRecord[] = [];
  for (const key of await IndexedDbCheckpointStore.keys(LAB_CHECKPOINTS)) {
    const name = key.slice(LAB_CHECKPOINTS.length);
    const settings = parseLabRunName(name);
    const record = settings && (await new IndexedDbCheckpointStore(key).record());
    if (!settings || !record) continue;
    const curves = labCurves(record, STEPS_PER_EPOCH);
    const model = `${RUN_MODEL_PREFIX}${name}`;
    runs.push({ ...settings, name, curves, done: curves.length >= settings.epochs, model: saved.has(model) ? model : null });
  }
  return runs;
}

/** Forgets a lab run: its checkpoint and its saved model. */
export async function deleteLabRun(name: string): Promise<void> {
  await new IndexedDbCheckpointStore(`${LAB_CHECKPOINTS}${name}`).clear();
  await deleteRun(`${RUN_MODEL_PREFIX}${name}`);
}
