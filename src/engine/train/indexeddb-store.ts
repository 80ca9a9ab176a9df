import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { GlassboxError } from '../shared/errors.ts';
import type { CheckpointStore, TrainingRecord } from './checkpoint.ts';

/** The weight group tfjs gives optimizer state (as LayersModel.save with includeOptimizer does). */
const OPTIMIZER = 'optimizer';

/**
 * Checkpoints in the browser's IndexedDB through tfjs's `indexeddb://`
 * handler, as one entry (so a checkpoint is written whole or not at all): the
 * model's weights, then the optimizer's state in the 'optimizer' weight group,
 * and the record as user metadata. The session rebuilds the model from its
 * spec, so no topology is stored.
 */
export class IndexedDbCheckpointStore implements CheckpointStore {
  private readonly url: string;

  /** `key` names the entry, e.g. `glassbox-train/objects-cnn-b`. */
  constructor(key: string) {
    this.url = `indexeddb://${key}`;
  }

  /** Replaces the checkpoint with `model`'s weights, optimizer state and `record`. */
  async save(model: tfl.LayersModel, record: TrainingRecord): Promise<void> {
    const slots = await model.optimizer.getWeights();
    try {
      const weights = await tf.io.encodeWeights(model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })));
      const optimizer = await tf.io.encodeWeights(slots, OPTIMIZER);
      await handler(this.url).save!({
        weightSpecs: [...weights.specs, ...optimizer.specs],
        weightData: [weights.data as ArrayBuffer, optimizer.data as ArrayBuffer],
        userDefinedMetadata: { record },
      });
    } finally {
      // getWeights hands out Adam's live moment variables plus a fresh step-count scalar: free only the scalar.
      tf.dispose(slots.filter((s) => !(s.tensor instanceof tf.Variable)).map((s) => s.tensor));
    }
  }

  /** Restores the checkpoint into a compiled `model` of the same spec; null when there is none. */
  async load(model: tfl.LayersModel): Promise<TrainingRecord | null> {
    if (!(this.url in (await tf.io.listModels()))) return null;
    const artifacts = await handler(this.url).load!();
    const specs = artifacts.weightSpecs!;
    const named = tf.io.decodeWeights(artifacts.weightData!, specs);
    try {
      const group = (optimizer: boolean) => specs.filter((s) => (s.group === OPTIMIZER) === optimizer);
      model.loadWeights(Object.fromEntries(group(false).map((s) => [s.name, named[s.name]!])));
      await model.optimizer.setWeights(group(true).map((s) => ({ name: s.name, tensor: named[s.name]! })));
    } finally {
      // The model's and optimizer's variables keep their own references to the data.
      tf.dispose(Object.values(named));
    }
    return (artifacts.userDefinedMetadata as { record: TrainingRecord }).record;
  }

  /** The checkpoint's record alone (the run's history so far); null when there is none. */
  async record(): Promise<TrainingRecord | null> {
    if (!(this.url in (await tf.io.listModels()))) return null;
    return ((await handler(this.url).load!()).userDefinedMetadata as { record: TrainingRecord }).record;
  }

  /** Keys of the checkpoints whose key starts with `prefix`, in order. */
  static async keys(prefix: string): Promise<string[]> {
    if (!tf.io.getLoadHandlers(`indexeddb://${prefix}`).length) return [];
    return Object.keys(await tf.io.listModels()).filter((url) => url.startsWith(`indexeddb://${prefix}`)).map((url) => url.slice('indexeddb://'.length)).sort();
  }

  /** Deletes the checkpoint, so the next run starts over. */
  async clear(): Promise<void> {
    if (this.url in (await tf.io.listModels())) await tf.io.removeModel(this.url);
  }
}

/** tfjs's IndexedDB handler for `url`; it registers only where IndexedDB exists (a page or a worker). */
function handler(url: string): tf.io.IOHandler {
  const found = tf.io.getSaveHandlers(url)[0];
  if (!found) throw new GlassboxError('model-load', `IndexedDbCheckpointStore: no IndexedDB handler for ${url}`, { model: url }, 'checkpoints in IndexedDB need a browser page or worker');
  return found;
}
