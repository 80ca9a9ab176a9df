import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '~/engine/runtime/models.ts';
import { classScores } from '~/engine/probe/probe.ts';
import { DEFAULT_REGULARIZERS, NO_REGULARIZERS, type Recipe } from '~/engine/shared/class-viz-defaults.ts';
import type { VizFrame } from '~/engine/tasks/class-viz/frame.ts';
import { vizGallery } from '~/engine/tasks/class-viz/gallery.ts';
import { vizLayers } from '~/engine/tasks/class-viz/layers.ts';
import { vizDispose, vizFrame, vizRun } from '~/engine/tasks/class-viz/session.ts';

/** Serves /models/... from public/; loading here fills the cache the tasks' own loadModel(name) calls read. */
const fetchFunc = (async (input: RequestInfo | URL) => new Response(readFileSync(`public${String(input)}`))) as typeof fetch;
beforeAll(async () => {
  await Promise.all(['objects-cnn', 'objects-cnn-b'].map((name) => loadModel(name, { fetchFunc })));
});

const plain = (lambda: number): Recipe => ({ target: { kind: 'class', index: 6 }, lambda, switches: NO_REGULARIZERS, seed: 1, ascent: 'plain' });
const never = new AbortController().signal;

describe('vizRun (the widgets’ animated ascent)', () => {
  it('climbs to the step asked for, frame by frame, and reads exactly the drawn image', async () => {
    const frames: VizFrame[] = [];
    const last = await vizRun('t-climb', plain(0.1), 3, (f) => frames.push(f), never);
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
    vizDispose('t-climb');
  });

  it('stops when its signal aborts, keeps the image, and resumes from it', async () => {
    const controller = new AbortController();
    const stopped = await vizRun('t-pause', plain(0.1), 1000, (f) => f.step >= 2 && controller.abort(), controller.signal);
    expect(stopped.step).toBeGreaterThanOrEqual(2);
    expect(stopped.step).toBeLessThan(1000);
    expect((await vizFrame('t-pause'))!.step).toBe(stopped.step);
    const resumed = await vizRun('t-pause', plain(0.1), stopped.step + 1, () => {}, never);
    expect(resumed.step).toBe(stopped.step + 1);
    // A new recipe (here lambda) starts again from the seeded noise.
    expect((await vizRun('t-pause', plain(0.2), 0, () => {}, never)).step).toBe(0);
    vizDispose('t-pause');
    expect(await vizFrame('t-pause')).toBeNull();
  });

  it('a larger lambda gives a smaller image after the same steps', async () => {
    const free = await vizRun('t-l0', plain(0), 4, () => {}, never);
    const penalised = await vizRun('t-l1', plain(0.3), 4, () => {}, never);
    expect(penalised.norm).toBeLessThan(free.norm);
    vizDispose('t-l0');
    vizDispose('t-l1');
  });

  it('asks objects-cnn-b for a verdict on class targets when judged', async () => {
    const recipe: Recipe = { ...plain(0.001), switches: DEFAULT_REGULARIZERS, ascent: 'scaled' };
    const frame = await vizRun('t-judge', recipe, 1, () => {}, never, { judged: true });
    expect(frame.verdict!.probabilities).toHaveLength(10);
    expect(frame.verdict!.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(frame.verdict!.probability).toBe(Math.max(...frame.verdict!.probabilities));
    vizDispose('t-judge');
  });

  it('does not leak memory', async () => {
    await vizRun('t-leak', plain(0.1), 1, () => {}, never);
    vizDispose('t-leak');
    const before = tf.memory().numTensors;
    const channel: Recipe = { ...plain(0.001), target: { kind: 'channel', layer: 'conv_2', channel: 3 }, switches: DEFAULT_REGULARIZERS, ascent: 'scaled' };
    await vizRun('t-leak', channel, 2, () => {}, never);
    await vizFrame('t-leak');
    await vizRun('t-leak', plain(0.1), 2, () => {}, never, { judged: true });
    vizDispose('t-leak');
    await vizGallery(() => {}, never, 2, [0]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('vizGallery and vizLayers', () => {
  it('makes the classes asked for, judges each final image, and stops on abort', async () => {
    const seen: [number, number][] = [];
    const frames = await vizGallery((c, f) => seen.push([c, f.step]), never, 2, [4, 9]);
    expect(frames.map((f) => f.step)).toEqual([2, 2]);
    expect(frames.every((f) => f.verdict !== undefined)).toBe(true);
    expect(seen.map(([c]) => c)).toEqual([4, 4, 9, 9]);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(vizGallery(() => {}, controller.signal, 2, [0])).rejects.toThrow('stop');
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
