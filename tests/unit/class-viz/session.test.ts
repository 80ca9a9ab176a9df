import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '~/engine/runtime/models.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { SessionReport } from '~/engine/runtime/session.ts';
import { classScores } from '~/engine/probe/probe.ts';
import { DEFAULT_REGULARIZERS, NO_REGULARIZERS, type Recipe } from '~/engine/shared/class-viz-defaults.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { VizFrame } from '~/engine/tasks/class-viz/frame.ts';
import { classVizGallery, vizGalleryRecipe, type GalleryProgress } from '~/engine/tasks/class-viz/gallery.ts';
import { vizLayers } from '~/engine/tasks/class-viz/layers.ts';
import { classViz, type ClassVizArgs } from '~/engine/tasks/class-viz/session.ts';

/** Serves /models/... from public/; loading here fills the cache the tasks' own loadModel(name) calls read. */
const fetchFunc = (async (input: RequestInfo | URL) => new Response(readFileSync(`public${String(input)}`))) as typeof fetch;
beforeAll(async () => {
  await Promise.all(['objects-cnn', 'objects-cnn-b'].map((name) => loadModel(name, { fetchFunc })));
});

const plain = (lambda: number): Recipe => ({ target: { kind: 'class', index: 6 }, lambda, switches: NO_REGULARIZERS, seed: 1, ascent: 'plain' });
/** A tiny budget makes every chunk one step, so each step is followed by a report. */
const stepwise = { budgetMs: 0.01, reportEveryMs: 0 };

/** Runs an ascent to its end on a fresh runner. */
const ascend = async (args: ClassVizArgs): Promise<VizFrame> => new SessionRunner().start('w', await classViz(args));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('classViz (the widgets’ animated ascent)', () => {
  it('climbs to the step asked for, frame by frame, and reads exactly the drawn image', async () => {
    const frames: VizFrame[] = [];
    const last = await new SessionRunner().start('w', await classViz({ recipe: plain(0.1), until: 3 }), { ...stepwise, onReport: (r) => frames.push(r.progress) });
    expect(last.step).toBe(3);
    expect(frames[0]!.step).toBe(0);
    expect(frames.map((f) => f.step)).toEqual([...frames.map((f) => f.step)].sort((a, b) => a - b));
    expect(last.score).toBeGreaterThan(frames[0]!.score);
    // Pixels are 8-bit values in [0, 1]; the score is objects-cnn's logit of exactly them.
    expect(last.pixels.every((v) => v >= 0 && v <= 1 && Math.abs(v * 255 - Math.round(v * 255)) < 1e-3)).toBe(true);
    const model = await loadModel('objects-cnn');
    const logit = tf.tidy(() => classScores(model, tf.tensor4d(last.pixels, [1, 64, 64, 3])).slice([0, 6], [1, 1]));
    expect(last.score).toBeCloseTo((await logit.data())[0]!, 3);
    expect(last.penalty).toBeCloseTo(0.1 * last.norm ** 2, 4);
    logit.dispose();
    // Zero steps: the seeded start, as Reset shows it.
    expect((await ascend({ recipe: plain(0.1), until: 0 })).step).toBe(0);
  });

  it('pauses between chunks with the image kept, holds still, and resumes to the same result as an uninterrupted run', async () => {
    const runner = new SessionRunner();
    const session = await classViz({ recipe: plain(0.1), until: 4 });
    const reports: SessionReport<VizFrame>[] = [];
    let paused: Promise<void> | undefined;
    const result = runner.start('w', session, {
      ...stepwise,
      onReport: (r) => {
        reports.push(r);
        if (!paused && r.progress.step >= 2) paused = runner.pause('w');
      },
    });
    while (!paused) await sleep(1);
    await paused;
    const stopped = reports.at(-1)!;
    expect(stopped.status).toBe('paused');
    expect(stopped.progress.step).toBeGreaterThanOrEqual(2);
    expect(stopped.progress.step).toBeLessThan(4);
    const seen = reports.length;
    await sleep(50);
    expect(4 - session.remaining()).toBe(stopped.progress.step);
    expect(reports.length).toBe(seen);
    // A paused session is held by the runner: its read-out is the frame where it stopped.
    expect((await runner.read<VizFrame>('w'))!.step).toBe(stopped.progress.step);
    runner.resume('w');
    const last = await result;
    const straight = await ascend({ recipe: plain(0.1), until: 4 });
    expect(last.step).toBe(4);
    expect(Array.from(last.pixels)).toEqual(Array.from(straight.pixels));
    expect(last.score).toBe(straight.score);
    // A finished session is freed.
    expect(await runner.read('w')).toBeUndefined();
  });

  it('a new recipe under the same id replaces a paused run; cancel stops it and nothing is reported after', async () => {
    const runner = new SessionRunner();
    let reports = 0;
    const first = runner.start('w', await classViz({ recipe: plain(0.1), until: 1000 }), { ...stepwise, onReport: () => reports++ }).catch((error: unknown) => error);
    await sleep(0);
    await runner.pause('w');
    // A new lambda starts again from the seeded noise.
    const fresh = await runner.start('w', await classViz({ recipe: plain(0.2), until: 0 }));
    expect(isSuperseded(await first)).toBe(true);
    expect(fresh.step).toBe(0);
    const session = await classViz({ recipe: plain(0.1), until: 1000 });
    const cancelled = runner.start('w', session, { ...stepwise, onReport: () => reports++ }).catch((error: unknown) => error);
    await sleep(0);
    await runner.cancel('w');
    const seen = reports;
    expect(isSuperseded(await cancelled)).toBe(true);
    expect(session.remaining()).toBeGreaterThan(0);
    await sleep(20);
    expect(reports).toBe(seen);
  });

  it('a larger lambda gives a smaller image after the same steps', async () => {
    const free = await ascend({ recipe: plain(0), until: 4 });
    const penalised = await ascend({ recipe: plain(0.3), until: 4 });
    expect(penalised.norm).toBeLessThan(free.norm);
  });

  it('asks objects-cnn-b for a verdict on class targets when judged, and names a bad until', async () => {
    const recipe: Recipe = { ...plain(0.001), switches: DEFAULT_REGULARIZERS, ascent: 'scaled' };
    const frame = await ascend({ recipe, until: 1, judged: true });
    expect(frame.verdict!.probabilities).toHaveLength(10);
    expect(frame.verdict!.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(frame.verdict!.probability).toBe(Math.max(...frame.verdict!.probabilities));
    await expect(classViz({ recipe, until: -1 })).rejects.toThrow('classViz(until): expected an integer >= 0, got -1');
  });

  it('does not leak memory', async () => {
    await ascend({ recipe: plain(0.1), until: 1 });
    const before = tf.memory().numTensors;
    const channel: Recipe = { ...plain(0.001), target: { kind: 'channel', layer: 'conv_2', channel: 3 }, switches: DEFAULT_REGULARIZERS, ascent: 'scaled' };
    await ascend({ recipe: channel, until: 2 });
    await ascend({ recipe: plain(0.1), until: 2, judged: true });
    // Paused, then cancelled.
    const runner = new SessionRunner();
    const paused = runner.start('w', await classViz({ recipe: plain(0.1), until: 1000 }), stepwise).catch(() => undefined);
    await sleep(0);
    await runner.pause('w');
    await runner.read('w');
    await runner.cancel('w');
    await paused;
    await new SessionRunner().start('g', await classVizGallery({ steps: 2, classes: [0] }));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('classVizGallery and vizLayers', () => {
  it('makes the classes asked for, one after another, and judges each final image', async () => {
    const reports: GalleryProgress[] = [];
    const frames = await new SessionRunner().start('g', await classVizGallery({ steps: 2, classes: [4, 9] }), { ...stepwise, onReport: (r) => reports.push(r.progress) });
    expect(frames.map((f) => f.step)).toEqual([2, 2]);
    expect(frames.every((f) => f.verdict !== undefined)).toBe(true);
    expect(reports.flatMap((r) => (r.current && r.current.frame.step > 0 ? [r.current.classIndex] : []))).toEqual([4, 9]);
    expect(reports.map((r) => r.finished.length)).toEqual([0, 0, 1, 1, 2]);
    expect(reports.at(-1)!.current).toBeNull();
    // Each tile is the regulariser widget's ascent with the gallery's recipe: the same image and verdict.
    const alone = await ascend({ recipe: vizGalleryRecipe(9), until: 2, judged: true });
    expect(Array.from(frames[1]!.pixels)).toEqual(Array.from(alone.pixels));
    expect(frames[1]!.verdict).toEqual(alone.verdict);
    await expect(classVizGallery({ steps: 0 })).rejects.toThrow('classVizGallery(steps)');
    await expect(classVizGallery({ classes: [10] })).rejects.toThrow('scoreFor(target.index)');
  });

  it('stops when cancelled, and reports nothing after', async () => {
    const runner = new SessionRunner();
    const gallery = await classVizGallery({ steps: 50, classes: [0, 1] });
    let reports = 0;
    const result = runner.start('g', gallery, { ...stepwise, onReport: () => reports++ }).catch((error: unknown) => error);
    await sleep(0);
    await runner.cancel('g');
    const seen = reports;
    expect(isSuperseded(await result)).toBe(true);
    expect(gallery.remaining()).toBeGreaterThan(0);
    await sleep(20);
    expect(reports).toBe(seen);
  });

  it('lists the convolution and ReLU layers with their channel counts', async () => {
    expect(await vizLayers()).toEqual([
      { name: 'conv_0', channels: 16, shape: '32 × 32 × 16' },
      { name: 'conv_2', channels: 32, shape: '16 × 16 × 32' },
      { name: 'conv_3', channels: 48, shape: '16 × 16 × 48' },
      { name: 'last_conv', channels: 64, shape: '16 × 16 × 64' },
      { name: 'last_relu', channels: 64, shape: '16 × 16 × 64' },
    ]);
  });
});
