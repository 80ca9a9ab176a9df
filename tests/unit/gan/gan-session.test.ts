import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '~/engine/shared/rng.ts';
import { buildDiscriminator, buildGenerator } from '~/engine/train/build-gan.ts';
import { GanSession, latentBatch } from '~/engine/train/gan-session.ts';
import type { DataSource } from '~/engine/train/source.ts';
import { MemoryStore, weightsOf } from '../train/toy.ts';
import { TINY_GAN } from './helpers.ts';

const SPEC = { ...TINY_GAN, epochs: 2 };

/** Seeded 64 x 64 "scenes": noise with a bright square, which the session averages down to 32 x 32. */
const source: DataSource = {
  stepsPerEpoch: 2,
  batch(epoch, step) {
    const rng = createRng(deriveSeed(11, epoch * 2 + step));
    const n = SPEC.batchSize;
    const x = new Float32Array(n * 64 * 64 * 3).map(() => rng.range(0, 0.3));
    for (let i = 0; i < n; i++) {
      const [y0, x0] = [rng.int(40), rng.int(40)];
      for (let y = y0; y < y0 + 20; y++) for (let q = x0; q < x0 + 20; q++) x[((i * 64 + y) * 64 + q) * 3 + (i % 3)] = 0.9;
    }
    return { x, y: new Int32Array(n), n };
  },
};

const run = async (session: GanSession) => {
  while (session.remaining() > 0) await session.step(1);
  return { generator: await weightsOf(session.generator), record: await session.read() };
};

describe('GanSession', () => {
  it("records the discriminator's loss L_D = E softplus(-D(x)) + E softplus(D(G(z))) of its first batch", async () => {
    const [g, d] = [buildGenerator(SPEC), buildDiscriminator(SPEC)];
    const batch = source.batch(0, 0);
    const real = tf.avgPool(tf.tensor4d(batch.x, [batch.n, 64, 64, 3]), 2, 2, 'valid');
    const fake = g.apply(latentBatch(SPEC, batch.n, SPEC.seed * 1_000_003), { training: true }) as tf.Tensor;
    const logit = (x: tf.Tensor) => (d.apply(x) as tf.Tensor).dataSync() as Float32Array;
    const softplus = (v: number) => Math.log1p(Math.exp(v));
    const mean = (values: Float32Array, f: (v: number) => number) => values.reduce((s, v) => s + f(v), 0) / values.length;
    const [onReal, onFake] = [logit(real), logit(fake)];
    const expected = mean(onReal, (v) => softplus(-v)) + mean(onFake, softplus);
    // Its accuracy: real images scored above 0 and generated ones at or below it, out of both batches.
    const accuracy = (onReal.filter((v) => v > 0).length + onFake.filter((v) => v <= 0).length) / (2 * batch.n);
    const session = await GanSession.open(SPEC, source);
    await session.step(1);
    const record = await session.read();
    expect(record.discriminatorLoss[0]).toBeCloseTo(expected, 5);
    expect(record.stepAccuracy[0]).toBeCloseTo(accuracy, 6);
    session.dispose();
  });

  it('is deterministic, and a run stopped mid-epoch resumes from its checkpoints to the same generator', async () => {
    const reference = await run(await GanSession.open(SPEC, source));
    const again = await run(await GanSession.open(SPEC, source));
    expect(again.record.stepLoss).toEqual(reference.record.stepLoss);
    const stores = { generator: new MemoryStore(), discriminator: new MemoryStore() };
    const first = await GanSession.open(SPEC, source, { stores });
    await first.step(3);
    first.dispose();
    const second = await GanSession.open(SPEC, source, { stores });
    expect(second.remaining()).toBe(2);
    const resumed = await run(second);
    expect(resumed.record.stepLoss).toHaveLength(4);
    resumed.record.stepLoss.forEach((l, i) => expect(l).toBeCloseTo(reference.record.stepLoss[i]!, 5));
    resumed.generator.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(reference.generator[i]![j]!, 5)));
    expect(resumed.record.history.map((h) => h.epoch)).toEqual([1, 2]);
  });

  it('trains: the generator moves, and nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const session = await GanSession.open(SPEC, source);
    const initial = await weightsOf(session.generator as tfl.LayersModel);
    const { generator, record } = await run(session);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(generator.some((w, i) => w.some((v, j) => Math.abs(v - initial[i]![j]!) > 1e-4))).toBe(true);
    expect(record.discriminatorLoss.every(Number.isFinite)).toBe(true);
  });
});
