import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TrainingSession } from '~/engine/train/training-session.ts';
import { DiskCheckpointStore } from '../../../scripts/train/io.ts';
import { TOY_SPEC, toySource, weightsOf } from './toy.ts';

const dir = mkdtempSync(join(tmpdir(), 'glassbox-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DiskCheckpointStore (scripts/train/io.ts)', () => {
  it('resumes a stopped run from its files and ends on the same weights', async () => {
    const reference = await TrainingSession.open(TOY_SPEC, toySource());
    while (reference.remaining() > 0) await reference.step(1);
    const expected = await weightsOf(reference.model);
    reference.dispose();

    const store = new DiskCheckpointStore(join(dir, 'run'));
    const first = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    await first.step(5);
    first.dispose();
    const second = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    expect((await second.read()).epoch).toBe(1);
    while (second.remaining() > 0) await second.step(1);
    const resumed = await weightsOf(second.model);
    second.dispose();
    resumed.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - expected[i]![j]!)).toBeLessThan(1e-5)));
    await store.clear();
    const fresh = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    expect(fresh.remaining()).toBe(12);
    fresh.dispose();
  });

  it('reads a checkpoint written before per-step figures were kept', async () => {
    const store = new DiskCheckpointStore(join(dir, 'old'));
    const first = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    await first.step(4);
    first.dispose();
    const path = join(dir, 'old', 'state.json');
    const { epoch, seconds, history } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ epoch, seconds, history }, null, 1));
    const second = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    expect(await second.read()).toMatchObject({ epoch: 1, stepLoss: [], stepAccuracy: [] });
    await second.step(1);
    expect((await second.read()).stepLoss).toHaveLength(1);
    second.dispose();
  });

  it('does not leak memory', async () => {
    const store = new DiskCheckpointStore(join(dir, 'leak'));
    const cycle = async () => {
      const session = await TrainingSession.open(TOY_SPEC, toySource(), { store });
      await session.step(4);
      session.dispose();
    };
    await cycle();
    const before = tf.memory().numTensors;
    await cycle(); // resumes from the first cycle's checkpoint and writes another
    expect(tf.memory().numTensors).toBe(before);
  });
});
