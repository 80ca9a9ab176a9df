import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { fieldsAfter, receptiveField, type LayerGeometry } from '~/engine/probe/receptive-field.ts';

const conv3 = (padding = 0): LayerGeometry => ({ kernel: 3, stride: 1, padding });
const pool2: LayerGeometry = { kernel: 2, stride: 2, padding: 0 };

/** The input pixels that reach output unit (row, col) of a real conv / avg-pool stack: the nonzero box of its gradient. */
async function gradientBox(layers: LayerGeometry[], size: number, row: number, col: number): Promise<number[]> {
  const grad = tf.tidy(() =>
    tf.grad((input: tf.Tensor) => {
      let y = input as tf.Tensor4D;
      for (const l of layers) {
        const padded = tf.pad(y, [[0, 0], [l.padding, l.padding], [l.padding, l.padding], [0, 0]]) as tf.Tensor4D;
        y = l.stride === 1 && l.kernel === 3
          ? tf.conv2d(padded, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'valid')
          : tf.avgPool(padded, l.kernel, l.stride, 'valid');
      }
      return y.slice([0, row, col, 0], [1, 1, 1, 1]).sum();
    })(tf.ones([1, size, size, 1]) as tf.Tensor4D),
  );
  const values = await grad.data();
  grad.dispose();
  let [top, left, bottom, right] = [size, size, 0, 0];
  values.forEach((v, k) => {
    if (v === 0) return;
    const [r, c] = [Math.floor(k / size), k % size];
    [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r + 1), Math.max(right, c + 1)];
  });
  return [top, left, bottom, right];
}

describe('receptive field', () => {
  it('two 3x3 stride-1 convolutions see 5 x 5', () => {
    expect(fieldsAfter([conv3(), conv3()])).toEqual([{ size: 3, jump: 1, start: 0 }, { size: 5, jump: 1, start: 0 }]);
    expect(receptiveField([conv3(), conv3()], 0, 0, { height: 8, width: 8 })).toEqual({ unclipped: [0, 0, 5, 5], clipped: [0, 0, 5, 5], size: 5 });
  });

  it('conv3 s1 + pool2 s2 + conv3 s1 (padding 1) sees 8 x 8 with jump 2 and start -3 (by hand)', () => {
    // r: 1 -> 3 -> 3 + 1*1 = 4 -> 4 + 2*2 = 8; j: 1 -> 1 -> 2 -> 2; start: 0 -> -1 -> -1 -> -1 - 1*2 = -3
    const layers = [conv3(1), pool2, conv3(1)];
    expect(fieldsAfter(layers).at(-1)).toEqual({ size: 8, jump: 2, start: -3 });
    // Unit (2, 1): top = -3 + 2*2 = 1, left = -3 + 1*2 = -1.
    expect(receptiveField(layers, 2, 1, { height: 16, width: 16 })).toEqual({ unclipped: [1, -1, 9, 7], clipped: [1, 0, 9, 7], size: 8 });
    expect(receptiveField(layers, 7, 7, { height: 16, width: 16 }).clipped).toEqual([11, 11, 16, 16]);
  });

  it('matches the gradient footprint of a real network, padding and clipping included', async () => {
    const layers = [conv3(1), pool2, conv3(1), pool2, conv3(0)];
    for (const [row, col] of [[0, 0], [1, 2], [3, 3]] as const) {
      expect(receptiveField(layers, row, col, { height: 24, width: 24 }).clipped).toEqual(await gradientBox(layers, 24, row, col));
    }
  });

  it('counts dilation as a wider kernel', () => {
    expect(fieldsAfter([{ kernel: 3, stride: 1, padding: 2, dilation: 2 }])[0]).toEqual({ size: 5, jump: 1, start: -2 });
  });

  it('names bad arguments', () => {
    expect(() => fieldsAfter([{ kernel: 3, stride: 0, padding: 0 }])).toThrow('fieldsAfter(layers[0].stride): expected an integer >= 1, got 0');
    expect(() => receptiveField([], 0, 0, { height: 4, width: 4 })).toThrow('receptiveField(layers): expected at least one layer');
  });
});
