import { registerModel } from '../runtime/models.ts';
import type { Session } from '../runtime/session.ts';
import { loadObjectAtlas } from '../data/site-atlas.ts';
import { badArgument } from '../shared/errors.ts';
import type { ModelEntry } from '../shared/models.ts';
import type { TrainingRecord } from '../train/checkpoint.ts';
import { IndexedDbCheckpointStore } from '../train/indexeddb-store.ts';
import { objectsSource } from '../train/source.ts';
import { SPECS, type ModelSpec } from '../train/specs.ts';
import { TrainingSession, type TrainingProgress } from '../train/training-session.ts';

export interface TrainingArgs {
  /** A Glassbox Objects spec by name (SPECS), trained exactly as `npm run train` trains it. */
  spec: string;
  /** Changes to the spec for an experiment in the page. */
  overrides?: Partial<Pick<ModelSpec, 'seed' | 'epochs' | 'batchSize' | 'samplesPerEpoch' | 'learningRate' | 'lrDecay'>>;
  /** Stop after this many batches (an in-page budget); the whole run when absent. */
  steps?: number;
  /** Name the trained model in the registry under this `page:` id when the run ends. */
  register?: { id: string; label: string };
  /** Checkpoint after each epoch into IndexedDB under this key, and resume from it. */
  checkpoint?: string;
}

export interface TrainingResult {
  record: TrainingRecord;
  /** The registry entry of the trained model, when `register` asked for one. */
  model?: ModelEntry;
}

/**
 * Training in the page, on the engine's backend: the same TrainingSession and
 * the same seeded batches as `npm run train`, so a step here computes what the
 * committed run computed.
 */
export async function training(args: TrainingArgs): Promise<InPageTraining> {
  const base = SPECS[args.spec];
  if (!base || base.dataset !== 'glassbox-objects') {
    const names = Object.values(SPECS).filter((s) => s.dataset === 'glassbox-objects').map((s) => s.name);
    throw badArgument('training', 'spec', `one of ${names.join(', ')}`, args.spec);
  }
  const spec: ModelSpec = { ...base, ...args.overrides };
  const source = objectsSource(await loadObjectAtlas(), spec);
  const store = args.checkpoint ? new IndexedDbCheckpointStore(args.checkpoint) : undefined;
  const session = await TrainingSession.open(spec, source, store ? { store } : {});
  return new InPageTraining(session, args);
}

export class InPageTraining implements Session<TrainingProgress, TrainingResult> {
  /** The inner session's remaining() at which this budget is spent. */
  private readonly end: number;

  constructor(
    private readonly session: TrainingSession,
    private readonly args: TrainingArgs,
  ) {
    this.end = Math.max(0, session.remaining() - (args.steps ?? Infinity));
  }

  remaining(): number {
    return this.session.remaining() - this.end;
  }

  async step(n: number): Promise<void> {
    await this.session.step(Math.min(n, this.remaining()));
  }

  progress(): Promise<TrainingProgress> {
    return this.session.progress();
  }

  async read(): Promise<TrainingResult> {
    const record = await this.session.read();
    const { register } = this.args;
    if (!register || this.remaining() > 0) return { record };
    return { record, model: registerModel(register.id, this.session.release(), { label: register.label, dataset: 'objects' }) };
  }

  dispose(): void {
    this.session.dispose();
  }
}
