import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { colorize, scaleFor } from '~/engine/tensor/colormap.ts';
import { toGray } from '~/engine/tensor/pixels.ts';
import { readMaps } from '~/engine/tasks/read-maps.ts';

describe('toGray', () => {
  it('uses BT.601 luma, rounded', async () => {
    // red 255 -> 0.299*255 = 76.245 -> 76; (10, 200, 30) -> 2.99 + 117.4 + 3.42 = 123.81 -> 124
    const pixels = { data: new Uint8ClampedArray([255, 0, 0, 255, 10, 200, 30, 255]), width: 2, height: 1 };
    const gray = toGray(pixels);
    expect(await gray.array()).toEqual([[76, 124]]);
    gray.dispose();
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => toGray({ data: new Uint8ClampedArray(7), width: 2, height: 1 })).toThrow('toGray(pixels): expected 8 RGBA bytes for 2 x 1, got 7');
  });
});

describe('colorize', () => {
  it('draws a non-negative map in grey from 0 to its maximum', () => {
    expect(scaleFor(0, 100)).toEqual({ kind: 'gray', min: 0, max: 100 });
    const rgba = colorize(Float32Array.from([0, 50, 100]), scaleFor(0, 100));
    // 50 / 100 * 255 = 127.5 -> 128 (half to even)
    expect(Array.from(rgba)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('draws a signed map on a scale symmetric about 0, white at 0', () => {
    const rgba = Array.from(colorize(Float32Array.from([-4, 0, 2, 4]), scaleFor(-4, 4)));
    const [neg, zero, half, pos] = [0, 4, 8, 12].map((o) => rgba.slice(o, o + 4));
    expect(neg).toEqual([33, 102, 172, 255]);
    expect(zero).toEqual([247, 247, 247, 255]);
    // Halfway from white to red: (247+178)/2 = 212.5 and (247+24)/2 = 135.5; bytes round halves to even, as tf.round does.
    expect(half).toEqual([212, 136, 145, 255]);
    expect(pos).toEqual([178, 24, 43, 255]);
    expect(scaleFor(-4, 2)).toEqual({ kind: 'diverging', min: -4, max: 4 });
  });

  it('colours an all-zero map black', () => {
    expect(Array.from(colorize(new Float32Array(2), scaleFor(0, 0)))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
  });
});

describe('readMaps', () => {
  it('returns values, colours and legend, and disposes the maps', async () => {
    const before = tf.memory().numTensors;
    const [view] = await readMaps([tf.tensor2d([[-1, 1]])]);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(view!.values)).toEqual([-1, 1]);
    expect(view!.scale).toEqual({ kind: 'diverging', min: -1, max: 1 });
    expect(Array.from(view!.rgba.slice(0, 4))).toEqual([33, 102, 172, 255]);
  });
});
