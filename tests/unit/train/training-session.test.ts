import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { TrainingSession } from '~/engine/train/training-session.ts';
import { learningRateAt } from '~/engine/train/specs.ts';
import { MemoryStore, TOY_SPEC, toySource } from './toy.ts';

/** The toy model's first-step loss on the cpu backend (seed 7), recorded when the session was written. */
const FIRST_LOSS = 1.145958;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function run(session: TrainingSession): Promise<void> {
  while (session.remaining() > 0) await session.step(1);
}

describe('TrainingSession', () => {
  it('first-step loss is the categorical cross-entropy of the fresh model on the first batch', async () => {
    const source = toySource();
    const session = await TrainingSession.open(TOY_SPEC, source);
    const batch = source.batch(0, 0);
    const probs = tf.tidy(() => session.model.predict(tf.tensor4d(batch.x, [batch.n, ...TOY_SPEC.inputShape])) as tf.Tensor2D);
    const p = (await probs.array()) as number[][];
    probs.dispose();
    // -mean_i log p_i[y_i], and the fraction whose largest probability is the label's.
    const loss = mean(p.map((row, i) => -Math.log(row[batch.y[i]!]!)));
    const accuracy = mean(p.map((row, i) => (row.indexOf(Math.max(...row)) === batch.y[i] ? 1 : 0)));
    await session.step(1);
    const record = await session.read();
    expect(Math.abs(record.stepLoss[0]! - loss)).toBeLessThan(1e-5);
    expect(record.stepAccuracy[0]).toBeCloseTo(accuracy, 6);
    session.dispose();
  });

  it('is deterministic under its seed: the same first-step loss twice', async () => {
    const first = async () => {
      const session = await TrainingSession.open(TOY_SPEC, toySource());
      await session.step(1);
      const loss = (await session.read()).stepLoss[0]!;
      session.dispose();
      return loss;
    };
    const a = await first();
    expect(await first()).toBe(a);
    expect(a).toBeCloseTo(FIRST_LOSS, 6);
  });

  it('lowers the loss on a fixed seed', async () => {
    const session = await TrainingSession.open(TOY_SPEC, toySource());
    await run(session);
    const { stepLoss, stepAccuracy, history, epoch } = await session.read();
    expect(epoch).toBe(3);
    expect(history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(stepLoss).toHaveLength(12);
    // Chance is ln 3 = 1.10; the toy bands are easy, so the last steps sit well below the first.
    expect(mean(stepLoss.slice(-3))).toBeLessThan(mean(stepLoss.slice(0, 3)) - 0.3);
    expect(mean(stepAccuracy.slice(-3))).toBeGreaterThan(mean(stepAccuracy.slice(0, 3)));
    session.dispose();
  });

  it('reports progress as plain data, with the decayed step size per epoch', async () => {
    const session = await TrainingSession.open(TOY_SPEC, toySource());
    expect(await session.progress()).toMatchObject({ epoch: 1, epochs: 3, step: 0, stepsPerEpoch: 4, loss: null, accuracy: null });
    await session.step(6);
    const p = await session.progress();
    expect(p).toMatchObject({ epoch: 2, step: 2, learningRate: learningRateAt(TOY_SPEC, 1) });
    const { stepLoss } = await session.read();
    expect(p.loss).toBeCloseTo(mean(stepLoss.slice(4, 6)), 10);
    expect(p.imagesPerSecond).toBeGreaterThan(0);
    expect(structuredClone(p)).toEqual(p);
    await session.step(2);
    expect(await session.progress()).toMatchObject({ epoch: 2, step: 4 });
    session.dispose();
  });

  it('calls the evaluation hook after each epoch and checkpoints after it', async () => {
    const store = new MemoryStore();
    const seen: number[] = [];
    const session = await TrainingSession.open(TOY_SPEC, toySource(), {
      store,
      evaluate: async (_model, epoch) => {
        seen.push(epoch);
        return { check: epoch / 10 };
      },
    });
    await session.step(9);
    expect(seen).toEqual([1, 2]);
    expect(store.saves).toBe(2);
    expect(store.record?.history).toEqual([expect.objectContaining({ epoch: 1, check: 0.1 }), expect.objectContaining({ epoch: 2, check: 0.2 })]);
    session.dispose();
    await store.clear();
  });

  it('does not leak memory', async () => {
    const warmStore = new MemoryStore();
    const warm = await TrainingSession.open(TOY_SPEC, toySource(), { store: warmStore });
    await warm.step(5);
    warm.dispose();
    await warmStore.clear();
    const before = tf.memory().numTensors;
    const store = new MemoryStore();
    const session = await TrainingSession.open(TOY_SPEC, toySource(), { store, evaluate: async () => ({ figure: 1 }) });
    await session.step(6);
    session.dispose();
    await store.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
