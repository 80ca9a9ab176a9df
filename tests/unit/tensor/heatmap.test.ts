import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { heatColours, heatmapRgba, overlayHeatmap } from '~/engine/tensor/heatmap.ts';

describe('heatmap colours', () => {
  it('maps 0, 1 and a midpoint between stops by linear interpolation', async () => {
    const map = tf.tensor2d([[0, 1, 1 / 16]]);
    const colours = heatColours(map);
    // 1/16 of the range is halfway between stop 0 (0,0,4) and stop 1 (31,12,72).
    expect(await colours.array()).toEqual([[[0, 0, 4], [252, 255, 164], [15.5, 6, 38]]]);
    tf.dispose([map, colours]);
  });

  it('leaves the image where the map is 0 and blends where it is high', async () => {
    const image = tf.fill([1, 2, 3], 0.5) as tf.Tensor3D;
    const map = tf.tensor2d([[0, 1]]);
    const out = overlayHeatmap(image, map, 0.5);
    // 0: 127.5 -> 128 (half to even rounds 127.5 to 128); 1: 0.5 * 127.5 + 0.5 * (252, 255, 164)
    expect(await out.array()).toEqual([[[128, 128, 128, 255], [190, 191, 146, 255]]]);
    tf.dispose([image, map, out]);
  });

  it('does not leak memory', () => {
    const map = tf.tensor2d([[0.2, 0.9]]);
    const before = tf.memory().numTensors;
    const rgba = heatmapRgba(map);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([map, rgba]);
  });
});
