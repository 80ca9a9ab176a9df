/**
 * The training experiment in the page: the lab spec under a policy, seed and
 * epoch budget, trained by the same TrainingSession on the same batches as
 * `npm run train -- <policy> --seed N`, so a run with seed s is the reference
 * run with seed s. Progress carries the curves so far and a strip of the
 * latest augmented batch; a kept run checkpoints to IndexedDB after every
 * epoch and saves its finished model for every explanation widget.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadObjectAtlas } from '../data/site-atlas.ts';
import { saveRun } from '../runtime/saved-runs.ts';
import type { Session } from '../runtime/session.ts';
import type { ModelEntry } from '../shared/models.ts';
import { IndexedDbCheckpointStore } from '../train/indexeddb-store.ts';
import { labFigures, labSplits, type LabSplits } from '../train/lab/evaluate.ts';
import { defaultStrength, labPolicy } from '../train/lab/policies.ts';
import { labModelLabel, labRunName, labStrength, type LabPolicyName } from '../shared/lab-policies.ts';
import { LAB_CHECKPOINTS } from './lab-runs.ts';
import { labCurves, roundFigures, type LabPoint } from '../train/lab/run.ts';
import { labSource } from '../train/lab/source.ts';
import { labSpec } from '../train/lab/spec.ts';
import { TrainingSession, type TrainingProgress } from '../train/training-session.ts';

export interface TrainingLabArgs {
  policy: LabPolicyName;
  /** The policy's knob; its reference strength when absent. */
  strength?: number;
  seed: number;
  /** Passes over the training set; the reference runs' 12 when absent. */
  epochs?: number;
  /**
   * Keep the run in this browser: a checkpoint after every epoch in IndexedDB
   * under its name (labRunName), resumed when the same settings start again,
   * and the finished model saved as `run:<name>` for every explanation widget.
   */
  keep?: boolean;
}

/** Images of the latest augmented batch the strip shows. */
export const STRIP_IMAGES = 6;

export interface LabStrip {
  /** Epoch (from 1) and step (from 1) of the batch. */
  epoch: number;
  step: number;
  /** STRIP_IMAGES RGBA images of side `size`, one after another. */
  rgba: Uint8ClampedArray;
  size: number;
  /** Each image's label weights (soft when mixed). */
  labels: number[][];
}

export interface LabProgress extends TrainingProgress {
  curves: LabPoint[];
  strip: LabStrip | null;
}

export interface LabResult {
  curves: LabPoint[];
  model?: ModelEntry;
}

/** Opens a lab run (resuming its checkpoint when a kept run of the same settings has one). */
export async function trainingLab(args: TrainingLabArgs): Promise<TrainingLab> {
  const spec = labSpec(args.seed, args.epochs);
  // Checks the policy's name and strength before anything reads the menu with them.
  const policy = labPolicy(args.policy, args.strength);
  const strength = labStrength(args.policy) ? (args.strength ?? defaultStrength(args.policy)) : null;
  const name = labRunName({ policy: args.policy, strength, seed: spec.seed, epochs: spec.epochs });
  const atlas = await loadObjectAtlas();
  const source = labSource(atlas, spec, policy);
  let splits: LabSplits | undefined;
  let latest: { epoch: number; step: number; x: tf.Tensor4D; y: tf.Tensor2D } | undefined;
  // Keeps the first images of each batch for the strip (a copy: the session frees the batch after its step).
  const watched = {
    ...source,
    tensors(epoch: number, step: number) {
      const batch = source.tensors(epoch, step);
      if (latest) tf.dispose([latest.x, latest.y]);
      const n = Math.min(STRIP_IMAGES, batch.x.shape[0]);
      latest = { epoch: epoch + 1, step: step + 1, x: tf.slice(batch.x, 0, n), y: tf.slice(batch.y, 0, n) };
      return batch;
    },
  };
  const evaluate = async (model: Parameters<typeof labFigures>[0]) => {
    splits ??= labSplits(atlas);
    return { ...roundFigures(await labFigures(model, spec, splits)) };
  };
  const store = args.keep ? new IndexedDbCheckpointStore(`${LAB_CHECKPOINTS}${name}`) : undefined;
  const session = await TrainingSession.open(spec, watched, store ? { store, evaluate } : { evaluate });
  const save = args.keep ? { name, label: labModelLabel({ policy: args.policy, strength, seed: spec.seed, epochs: spec.epochs }) } : undefined;
  return new TrainingLab(session, source.stepsPerEpoch, save, () => latest, () => latest && tf.dispose([latest.x, latest.y]));
}

export class TrainingLab implements Session<LabProgress, LabResult> {
  private strip: LabStrip | null = null;
  /** The finished model's save, once asked for (read may be called again). */
  private saved: Promise<ModelEntry> | undefined;

  constructor(
    private readonly session: TrainingSession,
    private readonly stepsPerEpoch: number,
    /** Where the finished model is saved, when the run is kept. */
    private readonly save: { name: string; label: string } | undefined,
    private readonly latest: () => { epoch: number; step: number; x: tf.Tensor4D; y: tf.Tensor2D } | undefined,
    private readonly freeLatest: () => void,
  ) {}

  remaining(): number {
    return this.session.remaining();
  }

  step(n: number): Promise<void> {
    return this.session.step(n);
  }

  async progress(): Promise<LabProgress> {
    const [progress, record] = await Promise.all([this.session.progress(), this.session.read()]);
    return { ...progress, curves: labCurves(record, this.stepsPerEpoch), strip: await this.readStrip() };
  }

  async read(): Promise<LabResult> {
    const curves = labCurves(await this.session.read(), this.stepsPerEpoch);
    const { save } = this;
    if (!save || this.remaining() > 0) return { curves };
    this.saved ??= saveRun(save.name, this.session.release(), { label: save.label, dataset: 'objects' });
    return { curves, model: await this.saved };
  }

  dispose(): void {
    this.freeLatest();
    this.session.dispose();
  }

  /** The strip of the latest batch, read back once per batch. */
  private async readStrip(): Promise<LabStrip | null> {
    const latest = this.latest();
    if (!latest || (this.strip && this.strip.epoch === latest.epoch && this.strip.step === latest.step)) return this.strip;
    const [n, size] = latest.x.shape;
    const [pixels, labels] = await Promise.all([latest.x.data(), latest.y.array()]);
    const rgba = new Uint8ClampedArray(n * size * size * 4);
    for (let p = 0; p < n * size * size; p++) {
      for (let c = 0; c < 3; c++) rgba[4 * p + c] = Math.round(pixels[3 * p + c]! * 255);
      rgba[4 * p + 3] = 255;
    }
    this.strip = { epoch: latest.epoch, step: latest.step, rgba, size, labels };
    return this.strip;
  }
}
