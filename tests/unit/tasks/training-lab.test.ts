import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerConvGradsWasm } from '~/engine/runtime/wasm-conv-grads.ts';
import { STRIP_IMAGES, trainingLab } from '~/engine/tasks/training-lab.ts';
import type { LabRun } from '~/engine/train/lab/run.ts';
import { servePublic, useWasm } from './augment/public-fetch.ts';

/** The committed reference run (Node, wasm) of a policy and seed. */
const reference = (policy: string, seed: number): LabRun => JSON.parse(readFileSync(`public/experiments/${policy}/seed-${seed}.json`, 'utf8')) as LabRun;

describe('the training lab session', () => {
  beforeAll(async () => {
    servePublic();
    await useWasm();
    // The engine's wasm backend trains with the project's im2col filter gradient, as the reference runs did.
    registerConvGradsWasm();
  });

  it("trains the reference run's first epoch exactly, shows the augmented batch with labels that sum to 1, and frees what it made", async () => {
    const before = tf.memory().numTensors;
    const lab = await trainingLab({ policy: 'cutmix', seed: 2, epochs: 1 });
    expect(lab.remaining()).toBe(32);
    await lab.step(lab.remaining());
    const progress = await lab.progress();
    // Epoch 1 does not depend on the budget (the step size decays per epoch), so it is the reference run's epoch 1.
    expect(progress.curves).toEqual([{ ...reference('cutmix', 2).curves[0]!, seconds: progress.curves[0]!.seconds }]);
    const strip = progress.strip!;
    expect([strip.epoch, strip.step, strip.size]).toEqual([1, 32, 64]);
    expect(strip.rgba).toHaveLength(STRIP_IMAGES * 64 * 64 * 4);
    expect(strip.labels).toHaveLength(STRIP_IMAGES);
    for (const row of strip.labels) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // CutMix mixes: at least one strip image carries two classes.
    expect(strip.labels.some((row) => row.filter((w) => w > 0).length === 2)).toBe(true);
    expect(await lab.read()).toEqual({ curves: progress.curves });
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('refuses a policy or a strength the lab does not offer', async () => {
    await expect(trainingLab({ policy: 'autoaugment' as 'none', seed: 1 })).rejects.toThrow(/one of none, flips-crops/);
    await expect(trainingLab({ policy: 'cutout', strength: 100, seed: 1 })).rejects.toThrow(/square side \(px\) in 8..48/);
  });
});
