import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng, deriveSeed } from '~/engine/shared/rng.ts';
import type { CheckpointStore, TrainingRecord } from '~/engine/train/checkpoint.ts';
import type { DataSource } from '~/engine/train/source.ts';
import type { ModelSpec } from '~/engine/train/specs.ts';

/**
 * A spec small enough to train in well under a second a step on the cpu
 * backend: 8x8 grey input, two convs, three classes, 4 steps of 16 per epoch.
 * No batch-norm, so predict() and the training forward pass agree.
 */
export const TOY_SPEC: ModelSpec = {
  name: 'toy-cnn', dataset: 'glassbox-objects', inputShape: [8, 8, 1],
  layers: [4, 'pool', 8], firstStride: 1, centerInput: true, normalizeLast: false,
  classes: 3, seed: 7, epochs: 3, samplesPerEpoch: 64, batchSize: 16, learningRate: 0.03, lrDecay: 0.8,
};

/**
 * Seeded toy images: noise in [0, 0.3) plus a bright band that gives the
 * class (0: left columns, 1: right columns, 2: top rows).
 */
export function toySource(spec: ModelSpec = TOY_SPEC): DataSource {
  const [h, w] = spec.inputShape;
  const stepsPerEpoch = Math.floor(spec.samplesPerEpoch / spec.batchSize);
  return {
    stepsPerEpoch,
    batch(epoch, step) {
      const rng = createRng(deriveSeed(spec.seed, epoch * stepsPerEpoch + step));
      const n = spec.batchSize;
      const x = new Float32Array(n * h * w);
      const y = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const c = rng.int(spec.classes);
        y[i] = c;
        for (let r = 0; r < h; r++) {
          for (let q = 0; q < w; q++) {
            const lit = (c === 0 && q < 3) || (c === 1 && q >= w - 3) || (c === 2 && r < 3);
            x[(i * h + r) * w + q] = rng.range(0, 0.3) + (lit ? 0.6 : 0);
          }
        }
      }
      return { x, y, n };
    },
  };
}

/** A CheckpointStore in memory: copies of the weights and Adam's slots, and the record. */
export class MemoryStore implements CheckpointStore {
  weights: tf.Tensor[] = [];
  slots: { name: string; tensor: tf.Tensor }[] = [];
  record: TrainingRecord | null = null;
  saves = 0;

  async save(model: tfl.LayersModel, record: TrainingRecord): Promise<void> {
    await this.clear();
    this.weights = model.getWeights().map((w) => tf.clone(w));
    const slots = await model.optimizer.getWeights();
    this.slots = slots.map((s) => ({ name: s.name, tensor: tf.clone(s.tensor) }));
    tf.dispose(slots.filter((s) => !(s.tensor instanceof tf.Variable)).map((s) => s.tensor));
    this.record = structuredClone(record);
    this.saves++;
  }

  async load(model: tfl.LayersModel): Promise<TrainingRecord | null> {
    if (!this.record) return null;
    model.setWeights(this.weights);
    await model.optimizer.setWeights(this.slots);
    return structuredClone(this.record);
  }

  async clear(): Promise<void> {
    tf.dispose([...this.weights, ...this.slots.map((s) => s.tensor)]);
    this.weights = [];
    this.slots = [];
    this.record = null;
  }
}

/** The model's weights as plain arrays. */
export async function weightsOf(model: tfl.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
}
