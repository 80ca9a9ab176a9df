import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { maxActivatingUnits, readPatches } from '~/engine/explain/max-activating-patches.ts';
import { loadModel } from '~/engine/runtime/models.ts';
import { fieldTable } from '~/engine/tasks/patches/fields.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { ObjectAtlas } from '~/engine/data/atlas.ts';
import { sceneBatch } from '~/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { dropPatchSet, patchSetOf } from '~/engine/tasks/patches/activation-set.ts';
import { scanLayer, type ScanArgs } from '~/engine/tasks/patches/scan.ts';
import { topPatches } from '~/engine/tasks/patches/top-patches.ts';
import { receptiveFieldView } from '~/engine/tasks/patches/field-view.ts';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { cancelled, leavesNoTensors, pausedAndStraight, runAll } from '../trust/session-checks.ts';
import { tinySource, tinyStridedCnn } from './tiny-strided.ts';

const fetchFunc = (async (input: RequestInfo | URL) => new Response(readFileSync(`public${String(input)}`))) as typeof fetch;

describe('fieldTable', () => {
  it('reads kernels, strides and "same" padding from the layers (by hand)', () => {
    const table = fieldTable(tinyStridedCnn());
    // conv_0: 3x3 s2 'same' on 12 -> 6: total padding (6-1)*2 + 3 - 12 = 1, leading 0; pool 2x2 s2; last_conv 3x3 s1 'same': leading 1.
    // r: 1 -> 3 -> 3 + 1*2 = 5 -> 5 + 2*4 = 13; j: 1 -> 2 -> 4 -> 4; start: 0 -> 0 -> 0 -> 0 - 1*4 = -4.
    expect(table.imageSide).toBe(12);
    expect(table.rows.map((row) => [row.name, row.geometry.kernel, row.geometry.stride, row.geometry.padding, row.field.size, row.field.jump, row.field.start, row.side, row.channels])).toEqual([
      ['conv_0', 3, 2, 0, 3, 2, 0, 6, 3],
      ['pool_1', 2, 2, 0, 5, 4, 0, 3, 3],
      ['last_conv', 3, 1, 1, 13, 4, -4, 3, 4],
      ['last_relu', 1, 1, 0, 13, 4, -4, 3, 4],
    ]);
  });

  it('gives objects-cnn a 29 x 29 field with jump 4 and start -12 at last_conv', async () => {
    const table = fieldTable(await loadModel('objects-cnn', { fetchFunc }));
    const field = (name: string) => table.rows.find((row) => row.name === name)!.field;
    expect(field('conv_0')).toEqual({ size: 3, jump: 2, start: 0 });
    expect(field('pool_1')).toEqual({ size: 5, jump: 4, start: 0 });
    expect(field('conv_2')).toEqual({ size: 13, jump: 4, start: -4 });
    expect(field('last_conv')).toEqual({ size: 29, jump: 4, start: -12 });
    expect(field('last_relu')).toEqual(field('last_conv'));
  });
});

/** Scan arguments for `count` tiny images through `layer`, kept under `set`. */
function tinyScan(set: string, layer: string, count: number, model = tinyStridedCnn()): ScanArgs {
  return { set, layer, count, images: tinySource(count).read(0, count), model };
}

describe('the scanLayer session and topPatches', () => {
  it('finds the same top units as maxActivatingUnits on the whole set at once, across blocks', async () => {
    const model = tinyStridedCnn();
    const source = tinySource(150);
    const { result, reports } = await runAll(() => scanLayer(tinyScan('a', 'last_conv', 150, model)));
    expect(result).toEqual({ layer: 'last_conv', images: 150 });
    expect(patchSetOf('a', 'test').count).toBe(150);
    expect(patchSetOf('a', 'test').blocks.length).toBeGreaterThan(1);
    const progress = reports.map((r) => r.progress.done);
    expect(progress.at(-1)).toBe(150);
    expect(progress.every((done, i) => i === 0 || done > progress[i - 1]!)).toBe(true);
    const all = tf.tidy(() => model.getLayer('last_conv').apply(
      model.getLayer('pool_1').apply(model.getLayer('conv_0').apply(model.getLayer('center').apply(tf.tensor4d(source.read(0, 150).x, [150, 12, 12, 3])))),
    ) as tf.Tensor4D);
    for (const channel of [0, 3]) {
      const expected = await readPatches(maxActivatingUnits(all, channel, 7));
      const got = await topPatches('a', channel, 7);
      expect(got.patches.map(({ image, row, col }) => [image, row, col])).toEqual(expected.map(({ image, row, col }) => [image, row, col]));
      got.patches.forEach((patch, i) => expect(patch.value).toBeCloseTo(expected[i]!.value, 5));
      expect(got.patches.every((patch) => patch.classIndex === patch.image % 2)).toBe(true);
      // Each patch comes with its whole image, for the tiles.
      got.patches.forEach((patch, i) => expect(got.pixels.subarray(i * 432, (i + 1) * 432)).toEqual(source.read(patch.image, 1).x));
    }
    all.dispose();
    dropPatchSet('a');
  });

  it('crops each unit by its receptive field (by hand)', async () => {
    await runAll(() => scanLayer(tinyScan('b', 'last_conv', 5)));
    const { patches, size } = await topPatches('b', 1, 5);
    expect(size).toBe(13);
    for (const { row, col, field, box } of patches) {
      const [top, left] = [-4 + 4 * row, -4 + 4 * col];
      expect(field).toEqual([top, left, top + 13, left + 13]);
      expect(box).toEqual([Math.max(0, top), Math.max(0, left), Math.min(12, top + 13), Math.min(12, left + 13)]);
    }
    dropPatchSet('b');
  });

  it('generates the held-out images from the atlas, as the page did', async () => {
    const atlas = loadAtlas();
    const model = await loadModel('objects-cnn', { fetchFunc });
    await runAll(() => scanLayer({ set: 'c', layer: 'conv_0', count: 3, atlas, model }));
    const { x, y } = sceneBatch(atlas, OBJECTS_SPLITS.heldOut.seed, 0, 3, { count: 1 });
    const { patches, pixels } = await topPatches('c', 0, 3);
    expect(patches.map((p) => p.image).sort()).toEqual([0, 1, 2]);
    patches.forEach((patch, i) => {
      expect(patch.classIndex).toBe(y[patch.image]);
      expect(pixels.subarray(i * 12288, (i + 1) * 12288)).toEqual(x.subarray(patch.image * 12288, (patch.image + 1) * 12288));
    });
    dropPatchSet('c');
  });

  it('holds still while paused and resumes to the uninterrupted set; cancelled, it keeps nothing', async () => {
    const model = tinyStridedCnn();
    const { straight, resumed } = await pausedAndStraight(() => scanLayer(tinyScan('d', 'conv_0', 40, model)), (p) => p.done >= 5);
    expect(resumed).toEqual(straight);
    // The resumed scan's set (the last kept under "d") ranks as an uninterrupted scan's does.
    await runAll(() => scanLayer(tinyScan('whole', 'conv_0', 40, model)));
    expect(await topPatches('d', 1, 6)).toEqual(await topPatches('whole', 1, 6));
    dropPatchSet('whole');
    // A new scan under the same id frees the old set at once; cancelled, it leaves none.
    await cancelled(() => scanLayer(tinyScan('d', 'conv_0', 100, model)), (p) => p.done >= 10);
    await expect(topPatches('d', 0, 1)).rejects.toThrow('topPatches(set)');
  });

  it('names bad arguments', async () => {
    const model = tinyStridedCnn();
    await expect(scanLayer(tinyScan('e', 'gap', 2, model))).rejects.toThrow('scanLayer(layer): expected one of conv_0, pool_1, last_conv, last_relu, got "gap"');
    await expect(scanLayer({ ...tinyScan('e', 'conv_0', 2, model), count: 0 })).rejects.toThrow('scanLayer(count): expected an integer in 1..2, got 0');
    await expect(scanLayer({ set: 'e', layer: 'conv_0', count: 2, model, atlas: {} as ObjectAtlas })).rejects.toThrow('scanLayer(atlas)');
    await runAll(() => scanLayer(tinyScan('e', 'conv_0', 3, model)));
    await expect(topPatches('e', 3, 1)).rejects.toThrow('topPatches(channel): expected an integer in 0..2, got 3');
    await expect(topPatches('e', 0, 4)).rejects.toThrow('topPatches(k): expected an integer in 1..3, got 4');
    dropPatchSet('e');
    await expect(topPatches('e', 0, 1)).rejects.toThrow('topPatches(set)');
  });

  it('does not leak memory', async () => {
    const model = tinyStridedCnn();
    await leavesNoTensors(() => scanLayer(tinyScan('f', 'pool_1', 70, model)), (p) => p.done >= 4, () => dropPatchSet('f'));
    const before = tf.memory().numTensors;
    await new SessionRunner().start('f', await scanLayer(tinyScan('f', 'pool_1', 70, model)));
    await topPatches('f', 2, 9);
    const view = await receptiveFieldView('pool_1', tinySource(1).read(0, 1).x, model);
    expect(view.map.width).toBe(3);
    dropPatchSet('f');
    expect(tf.memory().numTensors).toBe(before);
  });
});
