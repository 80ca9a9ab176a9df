import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { knnAccuracy } from '~/engine/embed/nearest-neighbours.ts';
import { Tsne } from '~/engine/embed/tsne.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { SessionReport } from '~/engine/runtime/session.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { createRng } from '~/engine/shared/rng.ts';
import { dropEmbeddingSet } from '~/engine/tasks/embeddings/set-store.ts';
import { tsneLayout, type TsneArgs, type TsneFrame, type TsneRun } from '~/engine/tasks/embeddings/tsne-layout.ts';
import { keepRows } from './kept-rows.ts';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three well-apart blobs in 4-D, 60 points, kept as set `id`. */
async function blobs(id: string): Promise<{ data: Float32Array; labels: number[] }> {
  const rng = createRng(7);
  const n = 60;
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const data = Float32Array.from({ length: n * 4 }, (_, k) => 6 * (labels[Math.floor(k / 4)] === k % 4 ? 1 : 0) + rng.range(-1, 1));
  (await keepRows(id, data, n, labels)).dispose();
  return { data, labels };
}

/**
 * Runs a t-SNE session on `runner` under 'w', pausing it at the first report
 * that `when` accepts; resolves once it has stopped there, with the run's end.
 */
async function pausedRun(runner: SessionRunner, args: TsneArgs, when: (frame: TsneFrame) => boolean) {
  const reports: SessionReport<TsneFrame>[] = [];
  let paused: Promise<void> | undefined;
  const end = runner.start('w', await tsneLayout(args), {
    budgetMs: 0.05, reportEveryMs: 0,
    onReport: (r) => {
      reports.push(r);
      if (r.status === 'running' && when(r.progress)) paused ??= runner.pause('w');
    },
  });
  while (!paused) await tick();
  await paused;
  return { end, reports };
}

describe('the t-SNE session', () => {
  it('from a given start separates three blobs; paused, it holds still and resumes to the uninterrupted layout', async () => {
    const { data, labels } = await blobs('tsne-blobs');
    // A start layout as the widget passes its PCA one: here the first two coordinates.
    const initial = Float32Array.from({ length: 120 }, (_, k) => data[4 * Math.floor(k / 2) + (k % 2)]!);
    const args: TsneArgs = { set: 'tsne-blobs', initial, perplexity: 10, iterations: 300, seed: 1 };
    const whole = await new SessionRunner().start('u', await tsneLayout(args));
    expect(whole.points).toEqual(new Tsne({ perplexity: 10, iterations: 300, seed: 1 }).fit(data, 60, 4, initial));

    const runner = new SessionRunner();
    const { end, reports } = await pausedRun(runner, args, (p) => p.iteration >= 50);
    const at = reports.at(-1)!.progress;
    expect(reports.at(-1)!.status).toBe('paused');
    expect(at.iteration).toBeGreaterThanOrEqual(50);
    // Running reports carry no read-out; the paused one carries the layout it stopped on with its cost and 5-NN accuracy.
    expect(reports.filter((r) => r.status === 'running').every((r) => r.progress.result === null)).toBe(true);
    const read = (await runner.read<TsneRun>('w'))!;
    expect(at.result).toEqual(read);
    expect([read.done, read.iteration]).toEqual([false, at.iteration]);
    expect(read.points).toEqual(at.points);
    expect(read.cost).toBeGreaterThan(0);
    expect(read.knn).toBe(knnAccuracy(read.points, labels, 5));
    await tick(20);
    expect(reports.at(-1)!.status).toBe('paused');
    expect((await runner.read<TsneRun>('w'))!.iteration).toBe(at.iteration);

    runner.resume('w');
    const last = await end;
    const after = reports.slice(reports.findIndex((r) => r.status === 'paused') + 1).filter((r) => r.status === 'running');
    expect(after.every((r) => r.progress.iteration >= at.iteration)).toBe(true);
    expect(after.filter((r) => r.progress.result !== null).length).toBeLessThanOrEqual(1);
    expect([last.done, last.iteration, last.total]).toEqual([true, 300, 300]);
    expect([at.n, at.perplexity, at.total]).toEqual([60, 10, 300]);
    expect(last.points).toEqual(whole.points);
    expect(reports.at(-1)!.progress.result).toEqual(last);
    expect(last.knn).toBe(1);
    expect(last.knn).toBe(knnAccuracy(last.points, labels, 5));
    expect(last.cost).toBeGreaterThan(0);
    dropEmbeddingSet('tsne-blobs');
  });

  it('paused while P is still being calibrated, reports no cost instead of calibrating the rest at once', async () => {
    const data = Float32Array.from({ length: 400 * 8 }, (_, k) => Math.sin(k * 0.37));
    (await keepRows('tsne-rows', data, 400, new Array(400).fill(0))).dispose();
    const runner = new SessionRunner();
    const { end, reports } = await pausedRun(runner, { set: 'tsne-rows', perplexity: 20, iterations: 10 }, (p) => p.rows > 0);
    const read = (await runner.read<TsneRun>('w'))!;
    expect([read.done, read.iteration, read.cost]).toEqual([false, 0, null]);
    expect(reports.at(-1)!.progress.result).toEqual(read);
    expect(reports.at(-1)!.progress.phase).toBe('affinities');
    expect(reports.at(-1)!.progress.rows).toBeLessThan(400);
    await runner.cancel('w');
    expect(isSuperseded(await end.catch((error: unknown) => error))).toBe(true);
    dropEmbeddingSet('tsne-rows');
  });

  it('stops when cancelled and reports nothing after; names a bad argument', async () => {
    await blobs('tsne-cancel');
    const runner = new SessionRunner();
    const session = await tsneLayout({ set: 'tsne-cancel', perplexity: 5, iterations: 1000 });
    let reports = 0;
    const result = runner.start('w', session, { budgetMs: 0.05, reportEveryMs: 0, onReport: () => reports++ }).catch((error: unknown) => error);
    await tick();
    await runner.cancel('w');
    const seen = reports;
    expect(isSuperseded(await result)).toBe(true);
    expect(session.remaining()).toBeGreaterThan(0);
    await tick(10);
    expect(reports).toBe(seen);
    await expect(tsneLayout({ set: 'tsne-cancel', perplexity: 0 })).rejects.toThrow('Tsne(perplexity): expected a number > 0, got 0');
    await expect(tsneLayout({ set: 'nope' })).rejects.toThrow(/tsneLayout\(set\): expected the id of an embedding set/);
    dropEmbeddingSet('tsne-cancel');
  });

  it('does not leak memory', async () => {
    await blobs('tsne-leak');
    const args: TsneArgs = { set: 'tsne-leak', perplexity: 5, iterations: 20 };
    await new SessionRunner().start('w', await tsneLayout(args));
    const before = tf.memory().numTensors;
    await new SessionRunner().start('w', await tsneLayout(args));
    expect(tf.memory().numTensors).toBe(before);
    await expect(tsneLayout({ ...args, perplexity: -1 })).rejects.toThrow('Tsne(perplexity)');
    expect(tf.memory().numTensors).toBe(before);
    dropEmbeddingSet('tsne-leak');
  });
});
