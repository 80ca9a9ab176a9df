import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { Session, SessionReport } from '~/engine/runtime/session.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';

/** The contract checks a ported session gets, on fresh sessions from `make` (shared by the saliency, trust and patches tests). */
type Make<P, R> = () => Promise<Session<P, R>>;

/** One step a chunk, every chunk reported: the finest-grained run the runner makes. */
export const FINE = { budgetMs: 0.01, reportEveryMs: 0 };

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a fresh session to its end, one step a chunk; its result and every report. */
export async function runAll<P, R>(make: Make<P, R>): Promise<{ result: R; reports: SessionReport<P>[] }> {
  const reports: SessionReport<P>[] = [];
  const result = await new SessionRunner().start('run', await make(), { ...FINE, onReport: (r) => reports.push(r) });
  return { result, reports };
}

/**
 * Pauses a run once `when(progress)` holds, checks that it holds still (no
 * step, no report) for a while, resumes it, and returns its result beside an
 * uninterrupted run's, which the caller compares.
 */
export async function pausedAndStraight<P, R>(make: Make<P, R>, when: (progress: P) => boolean): Promise<{ straight: R; resumed: R }> {
  const { result: straight } = await runAll(make);
  const runner = new SessionRunner();
  const session = await make();
  let paused: Promise<void> | undefined;
  let reports = 0;
  const end = runner.start('paused', session, {
    ...FINE,
    onReport: (r) => {
      reports++;
      if (r.status === 'running' && when(r.progress)) paused ??= runner.pause('paused');
    },
  });
  while (!paused) await tick();
  await paused;
  expect(runner.status('paused')?.status).toBe('paused');
  const [left, seen] = [session.remaining(), reports];
  expect(left).toBeGreaterThan(0);
  await tick(30);
  expect([session.remaining(), reports]).toEqual([left, seen]);
  runner.resume('paused');
  return { straight, resumed: await end };
}

/**
 * Cancels a run once `when(progress)` holds: the start rejects as superseded,
 * work is left undone, and no report comes after the cancel.
 */
export async function cancelled<P, R>(make: Make<P, R>, when: (progress: P) => boolean): Promise<void> {
  const runner = new SessionRunner();
  const session = await make();
  let cancelling: Promise<void> | undefined;
  let after = 0;
  const end = runner
    .start('cancelled', session, {
      ...FINE,
      onReport: (r) => {
        if (cancelling) after++;
        else if (when(r.progress)) cancelling = runner.cancel('cancelled');
      },
    })
    .catch((error: unknown) => error);
  expect(isSuperseded(await end)).toBe(true);
  await cancelling;
  await tick(10);
  expect(session.remaining()).toBeGreaterThan(0);
  expect(after).toBe(0);
}

/** "Does not leak memory": after a warm-up, a finished run and a cancelled one each leave the tensor count where it was. */
export async function leavesNoTensors<P, R>(make: Make<P, R>, cancelWhen: (progress: P) => boolean, cleanUp: () => void = () => undefined): Promise<void> {
  await runAll(make);
  cleanUp();
  const before = tf.memory().numTensors;
  await runAll(make);
  cleanUp();
  expect(tf.memory().numTensors).toBe(before);
  await cancelled(make, cancelWhen);
  cleanUp();
  expect(tf.memory().numTensors).toBe(before);
}
