import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Session } from '../runtime/session.ts';
import { buildDiscriminator, buildGenerator } from './build-gan.ts';
import { emptyRecord, type CheckpointStore, type TrainingRecord } from './checkpoint.ts';
import type { GanSpec } from './gan-spec.ts';
import type { DataSource } from './source.ts';

/**
 * A GAN run so far: stepLoss is the generator's loss of every step,
 * stepAccuracy the discriminator's accuracy on that step's real and fake
 * batches (a logit > 0 read as "real"), discriminatorLoss its loss.
 */
export interface GanRecord extends TrainingRecord {
  discriminatorLoss: number[];
}

/** Where a GAN run stands, as plain data. */
export interface GanProgress {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** Means over the epoch's steps so far; null before its first step. */
  generatorLoss: number | null;
  discriminatorLoss: number | null;
  discriminatorAccuracy: number | null;
  seconds: number;
}

export interface GanOptions {
  /** One checkpoint per network (weights and Adam's moments), written after every epoch and resumed from. */
  stores?: { generator: CheckpointStore; discriminator: CheckpointStore };
  /** Called after every epoch with the generator; its figures go into that epoch's history entry. */
  evaluate?: (generator: tfl.LayersModel, epoch: number) => Promise<Record<string, number>>;
}

/** The latent codes of step `step`'s batch: seeded, so a resumed run draws the same ones. */
export const latentBatch = (spec: GanSpec, n: number, seed: number): tf.Tensor2D => tf.randomNormal([n, spec.latent], 0, 1, 'float32', seed);

/**
 * Trains a DCGAN as a session. One step is one batch of real scenes (the
 * source's, averaged down to spec.size) and the GAN objective with the
 * generator's non-saturating loss (Goodfellow et al. 2014; Radford et al. 2016):
 *
 *   L_D = E[softplus(-D(x))] + E[softplus(D(G(z)))]      (-log sigmoid, -log(1 - sigmoid))
 *   L_G = E[softplus(-D(G(z)))]
 *
 * first an Adam step on the discriminator's weights, then one on the
 * generator's, with fresh codes, both in training mode (batch statistics in
 * the generator's batch norm). Checkpoints after every epoch make a stopped
 * run resume to the same weights.
 *
 * @equation gan-objective
 */
export class GanSession implements Session<GanProgress, GanRecord> {
  private done: number;
  private disposed = false;
  private epochSeconds = 0;

  private constructor(
    readonly generator: tfl.LayersModel,
    readonly discriminator: tfl.LayersModel,
    private readonly spec: GanSpec,
    private readonly source: DataSource,
    private readonly options: GanOptions,
    private readonly record: GanRecord,
  ) {
    this.done = record.epoch * source.stepsPerEpoch;
  }

  static async open(spec: GanSpec, source: DataSource, options: GanOptions = {}): Promise<GanSession> {
    const generator = buildGenerator(spec);
    const discriminator = buildDiscriminator(spec);
    try {
      // Compiled only to own an optimizer each, which the checkpoint stores save and restore.
      for (const model of [generator, discriminator]) model.compile({ optimizer: tf.train.adam(spec.learningRate, spec.beta1), loss: 'meanSquaredError' });
      const saved = (await options.stores?.generator.load(generator)) ?? null;
      const other = (await options.stores?.discriminator.load(discriminator)) ?? null;
      // The two are written one after the other: a run stopped between them left them an epoch apart.
      if ((saved?.epoch ?? 0) !== (other?.epoch ?? 0))
        throw new Error(
          `GanSession.open: the generator's checkpoint is at epoch ${saved?.epoch ?? 0} but the discriminator's at ${other?.epoch ?? 0}; clear both (--fresh)`,
        );
      const record: GanRecord = { discriminatorLoss: [], ...(saved ?? emptyRecord()) };
      return new GanSession(generator, discriminator, spec, source, options, record);
    } catch (error) {
      for (const model of [generator, discriminator]) {
        model.optimizer?.dispose();
        model.dispose();
      }
      throw error;
    }
  }

  remaining(): number {
    return Math.max(0, this.spec.epochs * this.source.stepsPerEpoch - this.done);
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) await this.trainBatch();
  }

  async progress(): Promise<GanProgress> {
    const per = this.source.stepsPerEpoch;
    const epoch = this.done > 0 && this.done % per === 0 ? this.done / per : Math.floor(this.done / per) + 1;
    const step = this.done - (epoch - 1) * per;
    const mean = (values: number[]) => (step > 0 ? values.slice(-step).reduce((a, b) => a + b, 0) / step : null);
    return {
      epoch,
      epochs: this.spec.epochs,
      step,
      stepsPerEpoch: per,
      generatorLoss: mean(this.record.stepLoss),
      discriminatorLoss: mean(this.record.discriminatorLoss),
      discriminatorAccuracy: mean(this.record.stepAccuracy),
      seconds: this.record.seconds + (step < per ? this.epochSeconds : 0),
    };
  }

  async read(): Promise<GanRecord> {
    return structuredClone(this.record);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const model of [this.generator, this.discriminator]) {
      model.optimizer.dispose();
      model.dispose();
    }
  }

  private async trainBatch(): Promise<void> {
    const per = this.source.stepsPerEpoch;
    const epoch = Math.floor(this.done / per);
    const step = this.done % per;
    if (step === 0) this.epochSeconds = 0;
    const start = performance.now();
    const batch = this.source.batch(epoch, step);
    const shrink = batch.x.length / batch.n / 3 === this.spec.size ** 2 ? 1 : Math.sqrt(batch.x.length / batch.n / 3) / this.spec.size;
    const real = tf.tidy(() => {
      const full = tf.tensor4d(batch.x, [batch.n, this.spec.size * shrink, this.spec.size * shrink, 3]);
      return shrink === 1 ? full : tf.avgPool(full, shrink, shrink, 'valid');
    });
    const seed = this.spec.seed * 1_000_003 + this.done * 2;
    const weights = (model: tfl.LayersModel) => model.trainableWeights.map((w) => w.read() as tf.Variable);
    const forward = (model: tfl.LayersModel, x: tf.Tensor) => model.apply(x, { training: true }) as tf.Tensor;
    try {
      let correct: tf.Scalar | undefined;
      const dLoss = this.discriminator.optimizer.minimize(
        () => {
          const fake = tf.tidy(() => forward(this.generator, latentBatch(this.spec, batch.n, seed)));
          const onReal = forward(this.discriminator, real);
          const onFake = forward(this.discriminator, fake);
          correct = tf.keep(
            tf.tidy(
              () =>
                tf.add(tf.sum(tf.cast(tf.greater(onReal, 0), 'float32')), tf.sum(tf.cast(tf.lessEqual(onFake, 0), 'float32'))).div(2 * batch.n) as tf.Scalar,
            ),
          );
          return tf.add(tf.mean(tf.softplus(tf.neg(onReal))), tf.mean(tf.softplus(onFake))) as tf.Scalar;
        },
        true,
        weights(this.discriminator),
      )!;
      const gLoss = this.generator.optimizer.minimize(
        () => tf.mean(tf.softplus(tf.neg(forward(this.discriminator, forward(this.generator, latentBatch(this.spec, batch.n, seed + 1)))))) as tf.Scalar,
        true,
        weights(this.generator),
      )!;
      const [d, g, a] = await Promise.all([dLoss.data(), gLoss.data(), correct!.data()]);
      tf.dispose([dLoss, gLoss, correct!]);
      this.record.discriminatorLoss.push(d[0]!);
      this.record.stepLoss.push(g[0]!);
      this.record.stepAccuracy.push(a[0]!);
    } finally {
      real.dispose();
    }
    this.epochSeconds += (performance.now() - start) / 1000;
    this.done++;
    if (step + 1 === per) await this.finishEpoch(epoch + 1);
  }

  private async finishEpoch(epoch: number): Promise<void> {
    const figures = (await this.options.evaluate?.(this.generator, epoch)) ?? {};
    this.record.epoch = epoch;
    this.record.seconds += this.epochSeconds;
    this.record.history.push({ epoch, seconds: Math.round(this.epochSeconds), ...figures });
    await this.options.stores?.generator.save(this.generator, this.record);
    await this.options.stores?.discriminator.save(this.discriminator, this.record);
  }
}
