import { describe, expect, it } from 'vitest';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { SessionReport } from '~/engine/runtime/session.ts';
import type { TrainingProgress } from '~/engine/train/training-session.ts';
import { TrainingSession } from '~/engine/train/training-session.ts';
import { MemoryStore, TOY_SPEC, toySource, weightsOf } from './toy.ts';

/** Largest absolute difference between two lists of weight arrays. */
function maxDiff(a: Float32Array[], b: Float32Array[]): number {
  let d = 0;
  a.forEach((w, i) => w.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i]![j]!)))));
  return d;
}

async function uninterrupted(): Promise<{ weights: Float32Array[]; loss: number[] }> {
  const session = await TrainingSession.open(TOY_SPEC, toySource());
  while (session.remaining() > 0) await session.step(1);
  const result = { weights: await weightsOf(session.model), loss: (await session.read()).stepLoss };
  session.dispose();
  return result;
}

describe('TrainingSession checkpoints', () => {
  it('a run stopped mid-epoch resumes from its last checkpoint and ends on the same weights', async () => {
    const reference = await uninterrupted();
    const store = new MemoryStore();
    const first = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    await first.step(6); // epoch 1 and half of epoch 2: the checkpoint holds epoch 1
    const checkpointed = await weightsOf(first.model);
    first.dispose();

    const second = await TrainingSession.open(TOY_SPEC, toySource(), { store });
    expect(await second.progress()).toMatchObject({ epoch: 1, step: 4 });
    expect(second.remaining()).toBe(8);
    while (second.remaining() > 0) await second.step(1);
    const resumed = await weightsOf(second.model);
    const record = await second.read();
    second.dispose();
    await store.clear();

    expect(record.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    // Steps 5-6 of the stopped run were lost and redone: the record holds each step once.
    expect(record.stepLoss).toHaveLength(12);
    // Adam's bias corrections come back as beta^t from pow, not a running product: float32 rounding only.
    expect(maxDiff(resumed, reference.weights)).toBeLessThan(1e-5);
    expect(maxDiff(resumed, checkpointed)).toBeGreaterThan(1e-3);
    record.stepLoss.forEach((l, i) => expect(l).toBeCloseTo(reference.loss[i]!, 5));
  });

  it('paused and resumed by the SessionRunner mid-epoch, ends on the same loss as an uninterrupted run', async () => {
    const reference = await uninterrupted();
    const runner = new SessionRunner();
    const session = await TrainingSession.open(TOY_SPEC, toySource());
    const reports: SessionReport<TrainingProgress>[] = [];
    let pausing: Promise<void> | undefined;
    let asked!: () => void;
    const pauseAsked = new Promise<void>((resolve) => (asked = resolve));
    const done = runner.start('train', session, {
      budgetMs: 1, reportEveryMs: 0, keep: true,
      onReport: (r) => {
        reports.push(r);
        // Two steps into the first epoch: the runner stops before its next chunk.
        if (!pausing && r.status === 'running' && r.progress.step === 2) {
          pausing = runner.pause('train');
          asked();
        }
      },
    });
    await pauseAsked;
    await pausing;
    const paused = await session.progress();
    expect(runner.status('train')?.status).toBe('paused');
    expect(paused).toMatchObject({ epoch: 1, step: 2 });
    const left = session.remaining();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.remaining()).toBe(left);
    runner.resume('train');
    const record = await done;
    expect(reports.at(-1)).toMatchObject({ status: 'done', progress: { epoch: 3, step: 4 } });
    expect(record.stepLoss).toEqual(reference.loss);
    expect(await weightsOf(session.model)).toEqual(reference.weights);
    session.dispose();
  });
});
