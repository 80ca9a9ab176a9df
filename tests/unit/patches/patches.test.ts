import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { maxActivatingUnits, readPatches } from '~/engine/explain/max-activating-patches.ts';
import { loadModel } from '~/engine/runtime/models.ts';
import { fieldTable } from '~/engine/tasks/patches/fields.ts';
import { scanLayer } from '~/engine/tasks/patches/activation-set.ts';
import { topPatches } from '~/engine/tasks/patches/top-patches.ts';
import { receptiveFieldView } from '~/engine/tasks/patches/field-view.ts';
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

describe('scanLayer and topPatches', () => {
  it('finds the same top units as maxActivatingUnits on the whole set at once, across blocks', async () => {
    const model = tinyStridedCnn();
    const source = tinySource(150);
    const progress: number[] = [];
    const set = await scanLayer('last_conv', source, { model, onProgress: (done) => progress.push(done) });
    expect(set.count).toBe(150);
    expect(set.blocks.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(150);
    expect(progress.every((done, i) => i === 0 || done > progress[i - 1]!)).toBe(true);
    const all = tf.tidy(() => model.getLayer('last_conv').apply(
      model.getLayer('pool_1').apply(model.getLayer('conv_0').apply(model.getLayer('center').apply(tf.tensor4d(source.read(0, 150).x, [150, 12, 12, 3])))),
    ) as tf.Tensor4D);
    for (const channel of [0, 3]) {
      const expected = await readPatches(maxActivatingUnits(all, channel, 7));
      const got = await topPatches(set, channel, 7);
      expect(got.patches.map(({ image, row, col }) => [image, row, col])).toEqual(expected.map(({ image, row, col }) => [image, row, col]));
      got.patches.forEach((patch, i) => expect(patch.value).toBeCloseTo(expected[i]!.value, 5));
      expect(got.patches.every((patch) => patch.classIndex === patch.image % 2)).toBe(true);
    }
    all.dispose();
    set.dispose();
  });

  it('crops each unit by its receptive field (by hand)', async () => {
    const set = await scanLayer('last_conv', tinySource(5), { model: tinyStridedCnn() });
    const { patches, size } = await topPatches(set, 1, 5);
    expect(size).toBe(13);
    for (const { row, col, field, box } of patches) {
      const [top, left] = [-4 + 4 * row, -4 + 4 * col];
      expect(field).toEqual([top, left, top + 13, left + 13]);
      expect(box).toEqual([Math.max(0, top), Math.max(0, left), Math.min(12, top + 13), Math.min(12, left + 13)]);
    }
    set.dispose();
  });

  it('stops when its signal aborts and frees what it made', async () => {
    const before = tf.memory().numTensors;
    const model = tinyStridedCnn();
    const weights = tf.memory().numTensors - before;
    const controller = new AbortController();
    const scan = scanLayer('conv_0', tinySource(100), { model, onProgress: (done) => done >= 10 && controller.abort() }, controller.signal);
    await expect(scan).rejects.toThrow('scanLayer: stopped');
    expect(tf.memory().numTensors).toBe(before + weights);
  });

  it('names bad arguments', async () => {
    const model = tinyStridedCnn();
    await expect(scanLayer('gap', tinySource(2), { model })).rejects.toThrow('scanLayer(layerName): expected one of conv_0, pool_1, last_conv, last_relu, got "gap"');
    await expect(scanLayer('conv_0', tinySource(0), { model })).rejects.toThrow('scanLayer(source.count): expected an integer >= 1, got 0');
    const set = await scanLayer('conv_0', tinySource(3), { model });
    await expect(topPatches(set, 3, 1)).rejects.toThrow('topPatches(channel): expected an integer in 0..2, got 3');
    await expect(topPatches(set, 0, 4)).rejects.toThrow('topPatches(k): expected an integer in 1..3, got 4');
    set.dispose();
    await expect(topPatches(set, 0, 1)).rejects.toThrow('topPatches(set)');
  });

  it('does not leak memory', async () => {
    const model = tinyStridedCnn();
    const before = tf.memory().numTensors;
    const set = await scanLayer('pool_1', tinySource(70), { model });
    await topPatches(set, 2, 9);
    const view = await receptiveFieldView('pool_1', tinySource(1).read(0, 1).x, model);
    expect(view.map.width).toBe(3);
    set.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
