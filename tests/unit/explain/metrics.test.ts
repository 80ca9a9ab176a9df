import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { curveAuc, deletionCurve, insertionCurve, pixelOrder, pointingGame } from '~/engine/explain/index.ts';
import { values } from './helpers.ts';

describe('pointingGame', () => {
  it('scores a hit when the peak is on the object, within a tolerance (by hand)', async () => {
    const map = tf.tensor2d([[0, 1, 0], [0, 0, 5], [0, 0, 0]]); // peak at (1, 2)
    const on = tf.tensor2d([[0, 0, 0], [0, 1, 1], [0, 0, 0]]);
    const off = tf.tensor2d([[1, 0, 0], [0, 0, 0], [0, 0, 0]]); // (0, 0) is sqrt(1 + 4) = 2.24 px away
    expect(await pointingGame(map, on)).toEqual({ hit: true, row: 1, col: 2 });
    expect((await pointingGame(map, off)).hit).toBe(false);
    expect((await pointingGame(map, off, 2)).hit).toBe(false);
    expect((await pointingGame(map, off, 2.5)).hit).toBe(true);
    const flat = tf.zeros([3, 3]) as tf.Tensor2D;
    expect(await pointingGame(flat, off)).toEqual({ hit: true, row: 0, col: 0 }); // ties: the first maximum
    await expect(pointingGame(map, tf.zeros([2, 2]) as tf.Tensor2D)).rejects.toThrow('pointingGame(mask): expected shape [3,3], got "[2,2]"');
    tf.dispose([map, on, off, flat]);
  });
});

describe('deletion and insertion', () => {
  const image = () => tf.tensor3d([[[1], [2]], [[3], [4]]]);
  const map = () => tf.tensor2d([[0.2, 0.9], [0.2, 0.5]]);

  it('orders pixels most salient first, ties by index', async () => {
    const m = map();
    expect(Array.from(await pixelOrder(m))).toEqual([1, 3, 0, 2]);
    m.dispose();
  });

  it('removes or reveals the top fraction of pixels per step (by hand)', async () => {
    const [x, m] = [image(), map()];
    const order = await pixelOrder(m);
    const del = [...deletionCurve(x, order, { steps: 2, batchSize: 2, fill: 0 })];
    expect(del.map((b) => [b.start, b.count])).toEqual([[0, 2], [2, 1]]);
    // Step 0: nothing removed; step 1: half (pixels 1 and 3); step 2: all.
    expect([...(await values(del[0]!.images)), ...(await values(del[1]!.images))]).toEqual([1, 2, 3, 4, 1, 0, 3, 0, 0, 0, 0, 0]);
    const baseline = tf.fill([2, 2, 1], -1) as tf.Tensor3D;
    const ins = [...insertionCurve(x, order, { steps: 2, batchSize: 3, baseline })];
    expect(await values(ins[0]!.images)).toEqual([-1, -1, -1, -1, -1, 2, -1, 4, 1, 2, 3, 4]);
    tf.dispose([x, m, baseline, ...del.map((b) => b.images), ...ins.map((b) => b.images)]);
  });

  it('integrates scores by the trapezoid rule (by hand)', () => {
    expect(curveAuc([1, 0.5, 0])).toBe(0.5); // (0.75 + 0.25) / 2
    expect(curveAuc([0, 1])).toBe(0.5);
    expect(curveAuc([1, 1, 1, 1])).toBe(1);
    expect(curveAuc(new Float32Array([0.9, 0.1, 0.1, 0.1, 0.1]))).toBeCloseTo((0.5 + 0.1 + 0.1 + 0.1) / 4, 6);
    expect(() => curveAuc([1])).toThrow('curveAuc(scores): expected at least 2 points, got 1');
  });

  it('names the bad argument at the call', () => {
    const x = image();
    expect(() => deletionCurve(x, new Int32Array(3), { steps: 2, batchSize: 1, fill: 0 })).toThrow('deletionCurve(order): expected 4 pixel indices (pixelOrder of the map), got 3');
    expect(() => insertionCurve(x, new Int32Array(4), { steps: 0, batchSize: 1, baseline: x })).toThrow('insertionCurve(steps): expected an integer >= 1, got 0');
    x.dispose();
  });

  it('does not leak memory', async () => {
    const [x, m] = [image(), map()];
    const before = tf.memory().numTensors;
    const order = await pixelOrder(m);
    for (const b of deletionCurve(x, order, { steps: 4, batchSize: 2, fill: 0 })) b.images.dispose();
    for (const b of insertionCurve(x, order, { steps: 4, batchSize: 2, baseline: x })) b.images.dispose();
    await pointingGame(m, m);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, m]);
  });
});
