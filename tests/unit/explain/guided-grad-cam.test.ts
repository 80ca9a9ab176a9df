import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { guidedGradCam, upsampleMaps } from '~/engine/explain/index.ts';
import { expectClose, values } from './helpers.ts';

// Half-pixel bilinear from 2 to 4 samples [0, 1] -> [0, 0.25, 0.75, 1] (edges clamp), so
// [[0, 1], [2, 3]] (= col + 2 row) becomes c + 2 r with c, r in [0, 0.25, 0.75, 1].
const UP = [0, 0.25, 0.75, 1].flatMap((r) => [0, 0.25, 0.75, 1].map((c) => c + 2 * r));

describe('upsampleMaps', () => {
  it('resizes bilinearly with pixel centres aligned (by hand)', async () => {
    const maps = tf.tensor3d([[[0, 1], [2, 3]], [[7, 7], [7, 7]]]);
    const up = upsampleMaps(maps, [4, 4]);
    expect(up.shape).toEqual([2, 4, 4]);
    const v = await values(up);
    expectClose(v.slice(0, 16), UP);
    expectClose(v.slice(16), new Array(16).fill(7)); // a constant map stays constant
    expect(() => upsampleMaps(maps, [0, 4])).toThrow('upsampleMaps(size): expected two integers [H, W] >= 1, got "[0,4]"');
    tf.dispose([maps, up]);
  });
});

describe('guidedGradCam', () => {
  it('multiplies the guided gradient by the upsampled map, per channel (by hand)', async () => {
    const map = tf.tensor3d([[[0, 1], [2, 3]]]);
    const guided = tf.tensor4d(new Array(16).fill([1, -2]).flat(), [1, 4, 4, 2]);
    const out = guidedGradCam(map, guided);
    expect(out.shape).toEqual([1, 4, 4, 2]);
    expectClose(await values(out), UP.flatMap((u) => [u, -2 * u]));
    const two = tf.zeros([2, 2, 2]) as tf.Tensor3D;
    expect(() => guidedGradCam(two, guided)).toThrow('guidedGradCam(gradCamMap): expected a tensor [1, h, w], got "[2,2,2]"');
    tf.dispose([map, guided, out, two]);
  });

  it('does not leak memory', () => {
    const map = tf.ones([1, 2, 2]) as tf.Tensor3D;
    const guided = tf.ones([1, 4, 4, 3]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const [a, b] = [guidedGradCam(map, guided), upsampleMaps(map, [3, 5])];
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([a, b, map, guided]);
  });
});
