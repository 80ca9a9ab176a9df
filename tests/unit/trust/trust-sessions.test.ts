import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { spearman } from '~/engine/explain/spearman.ts';
import { classProbability } from '~/engine/probe/class-probability.ts';
import { randomizedCopy } from '~/engine/probe/randomize.ts';
import { POINTING_TOLERANCE } from '~/engine/shared/pointing-tolerance.ts';
import { CurveRun } from '~/engine/tasks/trust/curves.ts';
import { deletionInsertion, type DeletionInsertionArgs } from '~/engine/tasks/trust/deletion-insertion.ts';
import { explanationMaps, TRUST_METHODS, type AnyMapMethod, type TrustMethod } from '~/engine/tasks/trust/maps.ts';
import { sanityCheck, SANITY_METHODS } from '~/engine/tasks/trust/sanity.ts';
import { pointAt, pointingChance, type TrustScene } from '~/engine/tasks/trust/scene.ts';
import { methodTable, tableScene, type TableArgs } from '~/engine/tasks/trust/table.ts';
import { tinyImage, tinyRgbCnn } from '../saliency/tiny-rgb.ts';
import { cancelled, leavesNoTensors, pausedAndStraight, runAll } from './session-checks.ts';

const model = tinyRgbCnn(8);
afterAll(() => model.dispose());

/** A mask of the 8 x 8 pixels with rows in [r0, r1) and columns in [c0, c1). */
function box(r0: number, r1: number, c0: number, c1: number): Uint8Array {
  return Uint8Array.from({ length: 64 }, (_, p) => Number(Math.floor(p / 8) >= r0 && Math.floor(p / 8) < r1 && p % 8 >= c0 && p % 8 < c1));
}

/** The tiny image with its bright square as object 0 (class 1) and a corner as object 1 (class 2). */
const scene: TrustScene = { size: 8, image: tinyImage(8), objects: [{ classIndex: 1, mask: box(2, 5, 3, 6) }, { classIndex: 2, mask: box(6, 8, 0, 3) }] };
/** The same image mirrored left to right, with one object. */
const mirrored: TrustScene = {
  size: 8,
  image: Float32Array.from({ length: 192 }, (_, k) => scene.image[Math.floor(k / 24) * 24 + (7 - (Math.floor(k / 3) % 8)) * 3 + (k % 3)]!),
  objects: [{ classIndex: 0, mask: box(2, 5, 2, 5) }],
};

/** What the trust sessions compose, computed directly: one method's map for one object, [H, W]. */
async function mapOf(image: Float32Array, classIndex: number, method: AnyMapMethod, seed: number, smoothSamples: number): Promise<tf.Tensor2D> {
  const batch = tf.tensor4d(image, [1, 8, 8, 3]);
  const maps = await explanationMaps(model, batch, [classIndex], method, { seed, smoothSamples, sigma: 0.15 });
  const map = tf.tidy(() => maps.squeeze([0]) as tf.Tensor2D);
  tf.dispose([batch, maps]);
  return map;
}

async function curvesOf(image: Float32Array, classIndex: number, map: tf.Tensor2D, steps: number) {
  const x = tf.tensor3d(image, [8, 8, 3]);
  const run = await CurveRun.start(model, x, classIndex, map, { steps, batchSize: 4 });
  while (run.remaining() > 0) await run.step();
  const result = run.result();
  run.dispose();
  x.dispose();
  return result;
}

describe('the deletionInsertion session', () => {
  const args = (method: TrustMethod): DeletionInsertionArgs => ({ scene, objectIndex: 0, method, steps: 6, seed: 1, smoothSamples: 3, model });

  it('is the map, the pointing game and the curves computed directly, filled in as it goes', async () => {
    for (const method of ['grad-cam', 'smoothgrad'] as const) {
      const { result, reports } = await runAll(() => deletionInsertion(args(method)));
      const map = await mapOf(scene.image, 1, method, 1, 3);
      const want = await curvesOf(scene.image, 1, map, 6);
      expect(result.deletion).toEqual(want.deletion);
      expect(result.insertion).toEqual(want.insertion);
      expect([result.deletionAuc, result.insertionAuc]).toEqual([want.deletionAuc, want.insertionAuc]);
      expect(result.pointing).toEqual(await pointAt(map, scene.objects[0]!.mask));
      const p = classProbability(model, tf.tensor4d(scene.image, [1, 8, 8, 3]), 1);
      expect(result.probability).toBe((await p.data())[0]);
      expect([result.classIndex, result.overlay.length]).toEqual([1, 8 * 8 * 4]);
      tf.dispose([map, p]);
      // Map steps (3 SmoothGrad samples, or 1), then 2 curves of 7 points in passes of 4.
      const total = (method === 'smoothgrad' ? 3 : 1) + 4;
      expect(reports.map((r) => r.progress.done)).toEqual([...Array(total + 1).keys()]);
      const filled = reports.map((r) => [...r.progress.deletion, ...r.progress.insertion].filter(Number.isFinite).length);
      expect(filled.at(-1)).toBe(14);
      expect(filled).toEqual([...filled].sort((a, b) => a - b));
    }
  });

  it('holds still while paused and resumes to the figure of an uninterrupted run', async () => {
    const { straight, resumed } = await pausedAndStraight(() => deletionInsertion(args('smoothgrad')), (p) => p.done === 4);
    expect(resumed).toEqual(straight);
  });

  it('stops when cancelled, reports nothing after, and does not leak memory', async () => {
    await cancelled(() => deletionInsertion(args('saliency')), (p) => p.done === 2);
    await leavesNoTensors(() => deletionInsertion(args('smoothgrad')), (p) => p.done === 1);
    await leavesNoTensors(() => deletionInsertion(args('random')), (p) => p.done === 3);
    await expect(deletionInsertion({ ...args('cam'), objectIndex: 2 })).rejects.toThrow('deletionInsertion(objectIndex)');
    await expect(deletionInsertion({ ...args('cam'), steps: 0 })).rejects.toThrow('deletionInsertion(steps)');
  });
});

describe('the sanityCheck session', () => {
  const make = (seed = 3) => () => sanityCheck({ scene, objectIndex: 1, seed, smoothSamples: 2, model });

  it('compares each method with the trained model as the layers are redrawn, column by column', async () => {
    const { result, reports } = await runAll(make());
    expect(result.map((step) => [step.name, step.randomized])).toEqual([['trained', []], ['logits', ['logits']], ['conv', ['logits', 'conv']]]);
    for (const step of result) expect(step.maps.map((m) => m.method)).toEqual(SANITY_METHODS);
    for (const m of result[0]!.maps) expect(m.similarity).toBeCloseTo(1, 12);
    // Column "logits", Grad-CAM, computed directly: rho between the trained map and the redrawn model's.
    const trained = await mapOf(scene.image, 2, 'grad-cam', 3, 2);
    const copy = await randomizedCopy(model, ['logits'], 3);
    const batch = tf.tensor4d(scene.image, [1, 8, 8, 3]);
    const redrawn = await explanationMaps(copy, batch, [2], 'grad-cam', { seed: 3, smoothSamples: 2, sigma: 0.15 });
    const rho = spearman(await trained.data(), await redrawn.data());
    expect(result[1]!.maps[0]!.similarity).toBe(rho);
    expect(rho).toBeLessThan(0.9);
    // CAM and Grad-CAM are the same map on a GAP + dense head, trained or redrawn.
    expect(result[1]!.maps[1]!.similarity).toBeCloseTo(rho, 4);
    tf.dispose([trained, batch, redrawn]);
    copy.dispose();
    const columns = reports.map((r) => r.progress.columns.length);
    expect([columns[0], columns.at(-1), reports[0]!.progress.total]).toEqual([0, 3, 3]);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
  });

  it('holds still while paused, resumes to the uninterrupted columns, stops when cancelled, and does not leak memory', async () => {
    const { straight, resumed } = await pausedAndStraight(make(), (p) => p.columns.length === 1);
    expect(resumed).toEqual(straight);
    await cancelled(make(), (p) => p.columns.length === 1);
    await leavesNoTensors(make(), (p) => p.columns.length === 2);
  });
});

describe('the methodTable session', () => {
  const settings = { steps: 4, seed: 1, smoothSamples: 2, model };
  const make = (args: Partial<TableArgs> = {}) => () => methodTable({ scenes: [scene, mirrored], ...settings, ...args } as TableArgs);

  it('gives every method its pointing trials and mean areas, as computing them directly does', async () => {
    const { result, reports } = await runAll(make());
    expect(result.rows.map((row) => row.method)).toEqual(TRUST_METHODS.map(({ id }) => id));
    expect(result.scenes).toBe(2);
    const masks = [...scene.objects, ...mirrored.objects].map((o) => o.mask);
    expect(result.chance).toBeCloseTo(masks.reduce((sum, mask) => sum + pointingChance(mask, 8, POINTING_TOLERANCE), 0) / 3, 12);
    // The scene's curves follow the present class the model finds most probable.
    const p = classProbability(model, tf.tensor4d(new Float32Array([...scene.image, ...scene.image]), [2, 8, 8, 3]), [1, 2]);
    const [p1, p2] = await p.data();
    const target = p1! >= p2! ? 0 : 1;
    p.dispose();
    for (const row of result.rows) {
      expect(row.trials.map((t) => [t.scene, t.classIndex])).toEqual([[0, 1], [0, 2], [1, 0]]);
      expect(row.pointing).toBe(row.trials.filter((t) => t.hit).length / 3);
      // Scene 0's trial for object 1, and its curves, with the seed the table gives them.
      const map = await mapOf(scene.image, 2, row.method, 100_003 + 1, 2);
      const { hit, row: r, col } = await pointAt(map, scene.objects[1]!.mask);
      expect(row.trials[1]).toEqual({ scene: 0, classIndex: 2, hit, row: r, col });
      map.dispose();
      const targetMap = await mapOf(scene.image, scene.objects[target]!.classIndex, row.method, 100_003 + target, 2);
      const want = await curvesOf(scene.image, scene.objects[target]!.classIndex, targetMap, 4);
      targetMap.dispose();
      expect([row.deletionAucs[0], row.insertionAucs[0]]).toEqual([want.deletionAuc, want.insertionAuc]);
      expect(row.deletionAuc).toBeCloseTo((row.deletionAucs[0]! + row.deletionAucs[1]!) / 2, 12);
    }
    // Reported scene by scene.
    expect([...new Set(reports.map((r) => r.progress.table.scenes))]).toEqual([0, 1, 2]);
    expect(reports.every((r) => r.progress.total === 2)).toBe(true);
  });

  it('holds still while paused, resumes to the uninterrupted table, stops when cancelled, and does not leak memory', async () => {
    const { straight, resumed } = await pausedAndStraight(make(), (p) => p.table.scenes === 1);
    expect(resumed).toEqual(straight);
    await cancelled(make(), (p) => p.table.scenes === 1);
    await leavesNoTensors(make({ scenes: [mirrored] }), () => true);
  });

  it('makes the held-out scenes from the atlas, as the page did', async () => {
    const atlas = loadAtlas();
    // A tiny 10-class model on the course's 64 x 64 images.
    const big = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [64, 64, 3], filters: 2, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv' }),
        tfl.layers.globalAveragePooling2d({ name: 'gap' }),
        tfl.layers.dense({ units: 10, activation: 'softmax', name: 'logits' }),
      ],
    });
    const options = { steps: 2, seed: 1, smoothSamples: 1, model: big };
    const made = (await runAll(() => methodTable({ atlas, count: 2, ...options }))).result;
    const given = (await runAll(() => methodTable({ scenes: [tableScene(atlas, 0), tableScene(atlas, 1)], ...options }))).result;
    expect(made).toEqual(given);
    expect(made.rows[0]!.trials.map((t) => t.scene)).toEqual([0, 0, 1, 1, 1]);
    big.dispose();
    await expect(methodTable({ atlas, count: 0, ...options })).rejects.toThrow('methodTable(scenes)');
  });
});
