import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Session } from '../runtime/session.ts';
import { buildModel } from './build-model.ts';
import { buildVit } from './build-vit.ts';
import { emptyRecord, type CheckpointStore, type TrainingRecord } from './checkpoint.ts';
import type { DataSource } from './source.ts';
import { learningRateAt, type ModelSpec, type TrainingSpec } from './specs.ts';
import { isVitSpec, type VitSpec } from './vit-spec.ts';
import { buildSegmenter } from './build-segmenter.ts';
import { isSegmenterSpec, type SegmenterSpec } from './segmenter-spec.ts';

/** Where a training run stands, as plain data. */
export interface TrainingProgress {
  /** The epoch being trained, or the one just finished (from 1). */
  epoch: number;
  epochs: number;
  /** Steps (batches) done in that epoch. */
  step: number;
  stepsPerEpoch: number;
  /** Mean loss and accuracy over that epoch's steps so far; null before its first step. */
  loss: number | null;
  accuracy: number | null;
  /** Adam's step size in that epoch. */
  learningRate: number;
  /** Training speed in that epoch. */
  imagesPerSecond: number;
  /** Training seconds so far, all epochs. */
  seconds: number;
}

export interface TrainingOptions {
  /** Where a checkpoint is written after every epoch and resumed from; none by default. */
  store?: CheckpointStore;
  /** Called after every epoch (numbered from 1) with the model; its figures go into that epoch's history entry. */
  evaluate?: (model: tfl.LayersModel, epoch: number) => Promise<Record<string, number>>;
}

/**
 * Trains a spec's model as a session: one step is one seeded batch through
 * `trainOnBatch` (categorical cross-entropy, Adam, whose moments persist
 * across steps), with Adam's step size set to learningRateAt(spec, epoch) at
 * the start of each epoch. After an epoch's last step the evaluation hook runs
 * and a checkpoint is written, so a run stopped anywhere resumes from its last
 * finished epoch and ends with the same weights.
 */
export class TrainingSession implements Session<TrainingProgress, TrainingRecord> {
  /** Steps done over the whole run (finished epochs included). */
  private done: number;
  private epochSeconds = 0;
  private disposed = false;
  private released = false;

  private constructor(
    /** The model being trained, owned by the session: read it (save, evaluate) before dispose(). */
    readonly model: tfl.LayersModel,
    private readonly optimizer: tf.AdamOptimizer,
    private readonly spec: TrainingSpec,
    private readonly source: DataSource,
    private readonly options: TrainingOptions,
    private readonly record: TrainingRecord,
  ) {
    this.done = record.epoch * source.stepsPerEpoch;
  }

  /** Builds and compiles `spec`'s model (seeded weights, fresh Adam), then resumes from `options.store` when it holds a checkpoint. */
  static async open(spec: ModelSpec | VitSpec | SegmenterSpec, source: DataSource, options: TrainingOptions = {}): Promise<TrainingSession> {
    const model = isVitSpec(spec) ? buildVit(spec) : isSegmenterSpec(spec) ? buildSegmenter(spec) : buildModel(spec);
    const optimizer = tf.train.adam(spec.learningRate);
    try {
      model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const record = (await options.store?.load(model)) ?? emptyRecord();
      return new TrainingSession(model, optimizer, spec, source, options, record);
    } catch (error) {
      model.dispose();
      optimizer.dispose();
      throw error;
    }
  }

  remaining(): number {
    return Math.max(0, this.spec.epochs * this.source.stepsPerEpoch - this.done);
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) await this.trainBatch();
  }

  async progress(): Promise<TrainingProgress> {
    const per = this.source.stepsPerEpoch;
    const epoch = this.done > 0 && this.done % per === 0 ? this.done / per : Math.floor(this.done / per) + 1;
    const step = this.done - (epoch - 1) * per;
    const mean = (values: number[]) => (step > 0 && values.length > 0 ? values.slice(-step).reduce((a, b) => a + b, 0) / Math.min(step, values.length) : null);
    return {
      epoch, epochs: this.spec.epochs, step, stepsPerEpoch: per,
      loss: mean(this.record.stepLoss), accuracy: mean(this.record.stepAccuracy),
      learningRate: learningRateAt(this.spec, epoch - 1),
      imagesPerSecond: this.epochSeconds > 0 ? (step * this.spec.batchSize) / this.epochSeconds : 0,
      seconds: this.record.seconds + (step < per ? this.epochSeconds : 0),
    };
  }

  async read(): Promise<TrainingRecord> {
    return structuredClone(this.record);
  }

  /** Hands the trained model to the caller (the model registry), who then owns it: dispose() leaves it alone. */
  release(): tfl.LayersModel {
    this.released = true;
    return this.model;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.released) this.model.dispose();
    // The model does not own an optimizer it was handed, so it leaves Adam's moments to us.
    this.optimizer.dispose();
  }

  private async trainBatch(): Promise<void> {
    const per = this.source.stepsPerEpoch;
    const epoch = Math.floor(this.done / per);
    const step = this.done % per;
    if (step === 0) {
      this.epochSeconds = 0;
      // tfjs has no public learning-rate setter; Adam reads this field on every step.
      (this.optimizer as unknown as { learningRate: number }).learningRate = learningRateAt(this.spec, epoch);
    }
    const start = performance.now();
    const { x: xs, y: ys } = this.source.tensors?.(epoch, step) ?? this.oneHot(epoch, step);
    try {
      const [loss, accuracy] = (await this.model.trainOnBatch(xs, ys)) as number[];
      this.record.stepLoss.push(loss!);
      this.record.stepAccuracy.push(accuracy!);
    } finally {
      tf.dispose([xs, ys]);
    }
    this.epochSeconds += (performance.now() - start) / 1000;
    this.done++;
    if (step + 1 === per) await this.finishEpoch(epoch + 1);
  }

  /** The source's batch with one-hot labels. */
  private oneHot(epoch: number, step: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
    const batch = this.source.batch(epoch, step);
    const x = tf.tensor4d(batch.x, [batch.n, ...this.spec.inputShape]);
    return { x, y: tf.tidy(() => tf.oneHot(tf.tensor1d(batch.y, 'int32'), this.spec.classes) as tf.Tensor2D) };
  }

  /** Evaluates, records and checkpoints epoch `epoch` (from 1). */
  private async finishEpoch(epoch: number): Promise<void> {
    const figures = (await this.options.evaluate?.(this.model, epoch)) ?? {};
    this.record.epoch = epoch;
    this.record.seconds += this.epochSeconds;
    this.record.history.push({ epoch, seconds: Math.round(this.epochSeconds), ...figures });
    await this.options.store?.save(this.model, this.record);
  }
}
