import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { filterTiles } from '~/engine/tasks/activations/filters.ts';
import { maskedImage, objectFraction, thresholdMask } from '~/engine/tasks/activations/mask.ts';

describe('filterTiles', () => {
  // Two 1 x 2 filters over one channel: W^0 = [2, -1], W^1 = [0.5, 0.25], stored [kh, kw, cin, K].
  const kernel = () => tf.tensor4d([2, 0.5, -1, 0.25], [1, 2, 1, 2]);

  it("maps each filter by its own bound: T = 1/2 + W / (2 m), m = max |W^k|", async () => {
    const w = kernel();
    const { tiles, bounds } = filterTiles(w, 'filter');
    expect(tiles.shape).toEqual([2, 1, 2, 1]);
    expect(Array.from(await bounds.data())).toEqual([2, 0.5]);
    const t = Array.from(await tiles.data());
    [0.5 + 2 / 4, 0.5 - 1 / 4, 0.5 + 0.5 / 1, 0.5 + 0.25 / 1].forEach((v, i) => expect(t[i]).toBeCloseTo(v, 6));
    tf.dispose([w, tiles, bounds]);
  });

  it("with scale 'layer', one bound for all filters keeps their sizes comparable", async () => {
    const w = kernel();
    const { tiles, bounds } = filterTiles(w, 'layer');
    expect(Array.from(await bounds.data())).toEqual([2, 2]);
    const t = Array.from(await tiles.data());
    [1, 0.25, 0.625, 0.5625].forEach((v, i) => expect(t[i]).toBeCloseTo(v, 6));
    tf.dispose([w, tiles, bounds]);
  });

  it('refuses a kernel that is not 4-D and an unknown scale, naming them', () => {
    const v = tf.tensor1d([1]);
    expect(() => filterTiles(v as unknown as tf.Tensor4D, 'filter')).toThrow(/filterTiles\(kernel\).*\[1\]/);
    const w = kernel();
    expect(() => filterTiles(w, 'all' as 'filter')).toThrow(/filterTiles\(scale\)/);
    tf.dispose([v, w]);
  });

  it('does not leak memory', () => {
    const w = kernel();
    const before = tf.memory().numTensors;
    const { tiles, bounds } = filterTiles(w, 'layer');
    tf.dispose([tiles, bounds]);
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });
});

describe('thresholdMask and objectFraction', () => {
  // A 2 x 3 upsampled map with max 8; the object covers the left column and the top-middle pixel.
  const map = () => tf.tensor2d([8, 6, 1, 4, 2, 0], [2, 3]);
  const object = () => tf.tensor2d([1, 1, 0, 1, 0, 0], [2, 3]);

  it('keeps the pixels above tau * max and measures the share on the object', async () => {
    const [a, o] = [map(), object()];
    const cases: [number, number[], number][] = [
      [0.5, [1, 1, 0, 0, 0, 0], 1], // t = 4: 8 and 6 (4 is not above 4)
      [0.2, [1, 1, 0, 1, 1, 0], 0.75], // t = 1.6: 8, 6, 4, 2; three of four on the object
      [0, [1, 1, 1, 1, 1, 0], 0.6], // t = 0: everything positive
    ];
    for (const [tau, want, fraction] of cases) {
      const { mask, threshold } = thresholdMask(a, tau, 'relative');
      expect(await threshold.data()).toEqual(Float32Array.from([8 * tau]));
      expect(Array.from(await mask.data())).toEqual(want);
      const f = objectFraction(mask, o);
      expect((await f.data())[0]).toBeCloseTo(fraction, 6);
      tf.dispose([mask, threshold, f]);
    }
    tf.dispose([a, o]);
  });

  it("takes t itself in 'absolute' mode, and an empty mask has fraction 0", async () => {
    const [a, o] = [map(), object()];
    const { mask, threshold } = thresholdMask(a, 5, 'absolute');
    expect(Array.from(await mask.data())).toEqual([1, 1, 0, 0, 0, 0]);
    const empty = thresholdMask(a, 9, 'absolute');
    const f = objectFraction(empty.mask, o);
    expect((await f.data())[0]).toBe(0);
    tf.dispose([a, o, mask, threshold, empty.mask, empty.threshold, f]);
  });

  it('refuses a relative tau outside [0, 1] and masks of different shapes', () => {
    const [a, o] = [map(), object()];
    expect(() => thresholdMask(a, 1.5, 'relative')).toThrow(/thresholdMask\(tau\).*1\.5/);
    const small = tf.zeros([2, 2]) as tf.Tensor2D;
    expect(() => objectFraction(a, small)).toThrow(/objectFraction\(object\)/);
    tf.dispose([a, o, small]);
  });

  it('dims the pixels outside the mask: out = x (M + delta (1 - M))', async () => {
    const x = tf.fill([1, 2, 3], 0.8) as tf.Tensor3D;
    const m = tf.tensor2d([1, 0], [1, 2]);
    const rgba = maskedImage(x, m, 0.25);
    expect(Array.from(await rgba.data())).toEqual([204, 204, 204, 255, 51, 51, 51, 255]);
    tf.dispose([x, m, rgba]);
  });

  it('does not leak memory', () => {
    const [a, o] = [map(), object()];
    const before = tf.memory().numTensors;
    const { mask, threshold } = thresholdMask(a, 0.3, 'relative');
    const f = objectFraction(mask, o);
    tf.dispose([mask, threshold, f]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, o]);
  });
});
