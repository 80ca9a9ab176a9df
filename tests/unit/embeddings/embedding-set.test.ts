import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { layerOutput } from '~/engine/probe/layer-output.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { embeddingSet, type EmbeddingSetArgs, type EmbeddingSetProgress } from '~/engine/tasks/embeddings/embedding-set.ts';
import { pcaLayout } from '~/engine/tasks/embeddings/layouts.ts';
import { spaceNeighbours } from '~/engine/tasks/embeddings/neighbours.ts';
import { dropEmbeddingSet } from '~/engine/tasks/embeddings/set-store.ts';

const atlas = loadAtlas();
/** A tiny embedder on the course's 64 x 64 images: a fixed 8 x 8, stride-8 convolution to 4 channels, averaged (`gap`). */
const model = tfl.sequential({
  layers: [
    tfl.layers.conv2d({ inputShape: [64, 64, 3], filters: 4, kernelSize: 8, strides: 8, activation: 'relu', name: 'patchify' }),
    tfl.layers.globalAveragePooling2d({ name: 'gap' }),
  ],
});
const weights = [tf.tensor(Array.from({ length: 8 * 8 * 3 * 4 }, (_, i) => Math.sin(0.37 * i)), [8, 8, 3, 4]), tf.tensor1d([0.1, 0, -0.1, 0.2])];
model.getLayer('patchify').setWeights(weights);
tf.dispose(weights);
afterAll(() => model.dispose());

/** 20 images: one batch of 16 and a short one of 4. */
const COUNT = 20;
const args = (set: string): EmbeddingSetArgs => ({ set, count: COUNT, atlas, model });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embeddingSet session', () => {
  it('generates the first held-out scenes, embeds them at gap, and keeps the set in the engine by id', async () => {
    const reports: EmbeddingSetProgress[] = [];
    const made = await new SessionRunner().start('w', await embeddingSet(args('held-a')), { budgetMs: 0.01, reportEveryMs: 0, onReport: (r) => reports.push(r.progress) });
    const scenes = Array.from({ length: COUNT }, (_, i) => sceneAt(atlas, OBJECTS_SPLITS.heldOut.seed, i));
    const images = tf.tensor4d(Float32Array.from(scenes.flatMap((s) => Array.from(s.image))), [COUNT, 64, 64, 3]);
    const want = layerOutput(model, 'gap', images);
    const features = await want.data();
    tf.dispose([images, want]);
    expect([made.n, made.dim]).toEqual([COUNT, 4]);
    made.features.forEach((v, i) => expect(v).toBeCloseTo(features[i]!, 5));
    expect(Array.from(made.labels)).toEqual(scenes.map((s) => s.objects[0]!.classIndex));
    expect(Array.from(made.rgb.subarray(0, 300))).toEqual(Array.from(scenes[0]!.image.subarray(0, 300), (v) => Math.round(v * 255)));
    expect(Array.from(made.rgb.subarray(19 * 12288, 19 * 12288 + 300))).toEqual(Array.from(scenes[19]!.image.subarray(0, 300), (v) => Math.round(v * 255)));
    expect(made.embedMs).toBeGreaterThan(0);
    // Progress counts embedded images: none, the first batch, then all.
    expect([...new Set(reports.map((r) => r.done))]).toEqual([0, 16, 20]);
    expect(reports.every((r) => r.total === COUNT)).toBe(true);
    // The engine answers queries on the set by its id.
    const near = await spaceNeighbours('held-a', 'pixels', 3, 4, 'euclidean');
    expect(near.labels).toEqual(near.indices.map((i) => made.labels[i]));
    expect((await pcaLayout('held-a')).points).toHaveLength(2 * COUNT);
    dropEmbeddingSet('held-a');
  });

  it('holds still while paused and resumes to the uninterrupted set; cancelled, it frees what it made and keeps nothing', async () => {
    const whole = await new SessionRunner().start('u', await embeddingSet(args('held-b')));
    const runner = new SessionRunner();
    const session = await embeddingSet(args('held-b'));
    let paused: Promise<void> | undefined;
    const statuses: string[] = [];
    const end = runner.start('w', session, {
      budgetMs: 0.01, reportEveryMs: 0,
      onReport: (r) => {
        statuses.push(r.status);
        if (r.status === 'running' && session.remaining() < 25) paused ??= runner.pause('w');
      },
    });
    while (!paused) await tick();
    await paused;
    const left = session.remaining();
    await tick(30);
    expect([session.remaining(), statuses.at(-1)]).toEqual([left, 'paused']);
    runner.resume('w');
    const made = await end;
    expect(made.features).toEqual(whole.features);
    expect(made.labels).toEqual(whole.labels);
    dropEmbeddingSet('held-b');

    const before = tf.memory().numTensors;
    const cancelled = await embeddingSet(args('held-c'));
    let reports = 0;
    const stopped = runner.start('c', cancelled, { budgetMs: 0.01, reportEveryMs: 0, onReport: () => reports++ }).catch((error: unknown) => error);
    while (cancelled.remaining() > 10) await tick();
    await runner.cancel('c');
    const seen = reports;
    expect(isSuperseded(await stopped)).toBe(true);
    await tick(10);
    expect(reports).toBe(seen);
    expect(tf.memory().numTensors).toBe(before);
    await expect(spaceNeighbours('held-c', 'features', 0, 2, 'cosine')).rejects.toThrow(/spaceNeighbours\(set\)/);
  });

  it('does not leak memory, and names a bad argument', async () => {
    await new SessionRunner().start('w', await embeddingSet(args('held-d')));
    dropEmbeddingSet('held-d');
    const before = tf.memory().numTensors;
    await new SessionRunner().start('w', await embeddingSet(args('held-d')));
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    dropEmbeddingSet('held-d');
    expect(tf.memory().numTensors).toBe(before);
    await expect(embeddingSet({ ...args('held-d'), count: 2001 })).rejects.toThrow('embeddingSet(count): expected an integer in 1..2000, got 2001');
    await expect(embeddingSet({ ...args(''), count: 5 })).rejects.toThrow('embeddingSet(set)');
  });
});
