/**
 * The training loop: seeded batches, Adam with per-epoch step decay, a
 * checkpoint after every epoch (so an interrupted run resumes where it
 * stopped and ends with the same weights), progress on stdout.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from './models.ts';
import type { DataSource } from './source.ts';
import { loadCheckpoint, saveCheckpoint } from './io.ts';
import type { Checkpoint } from './io.ts';

/** Steps between progress lines. */
const LOG_EVERY = 50;

/** Trains `model` (compiled with Adam) for spec.epochs; returns the final checkpoint state. */
export async function trainLoop(
  model: tfl.LayersModel, spec: ModelSpec, source: DataSource, checkpointDir: string,
  validate: (model: tfl.LayersModel) => Promise<Record<string, number>>,
): Promise<Checkpoint> {
  // tfjs has no public learning-rate setter; Adam reads this field on every step.
  const optimizer = model.optimizer as unknown as { learningRate: number };
  const state: Checkpoint = (await loadCheckpoint(checkpointDir, model)) ?? { epoch: 0, seconds: 0, history: [] };
  if (state.epoch > 0) console.log(`${spec.name}: resumed after epoch ${state.epoch} from ${checkpointDir}`);
  const [h, w, c] = spec.inputShape;
  for (let epoch = state.epoch; epoch < spec.epochs; epoch++) {
    optimizer.learningRate = spec.learningRate * spec.lrDecay ** epoch;
    const start = performance.now();
    let loss = 0;
    let acc = 0;
    let seen = 0;
    for (let step = 0; step < source.stepsPerEpoch; step++) {
      const b = source.batch(epoch, step);
      const xs = tf.tensor4d(b.x, [b.n, h, w, c]);
      const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(b.y, 'int32'), spec.classes));
      const [l, a] = (await model.trainOnBatch(xs, ys)) as number[];
      tf.dispose([xs, ys]);
      loss += l;
      acc += a;
      seen++;
      if ((step + 1) % LOG_EVERY === 0 || step + 1 === source.stepsPerEpoch) {
        const secs = (performance.now() - start) / 1000;
        console.log(`${spec.name} epoch ${epoch + 1}/${spec.epochs} step ${step + 1}/${source.stepsPerEpoch} ` +
          `loss ${(loss / seen).toFixed(4)} acc ${(acc / seen).toFixed(4)} ` +
          `${(((step + 1) * spec.batchSize) / secs).toFixed(0)} img/s`);
        loss = acc = seen = 0;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const val = await validate(model);
    state.epoch = epoch + 1;
    state.seconds += seconds;
    state.history.push({ epoch: epoch + 1, seconds: Math.round(seconds), ...val });
    await saveCheckpoint(checkpointDir, model, state);
    console.log(`${spec.name} epoch ${epoch + 1} done in ${seconds.toFixed(0)} s: ${JSON.stringify(val)}`);
  }
  return state;
}
