/**
 * The page's colours were computed with tfjs ops before they moved to plain
 * JavaScript on the values read back: the same formulas as ops, on the cpu
 * backend, must give the same bytes for random maps, edges and halves included.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DIVERGING, INFERNO } from '~/engine/shared/colour-scales.ts';
import { colorize, scaleFor } from '~/engine/tensor/colormap.ts';
import { overlayHeatmap } from '~/engine/tensor/heatmap.ts';
import { createRng } from '~/engine/shared/rng.ts';

const N = 4096;

function randomValues(seed: number, scale: number, offset: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: N }, (_, i) => (i % 97 === 0 ? 0 : (rng.next() - offset) * scale));
}

/** colorize as tfjs ops: t = x / max (grey) or (x + b) / 2b (diverging), clipped, blended, rounded. */
function colorizeOps(x: tf.Tensor1D): tf.Tensor {
  return tf.tidy(() => {
    const lo = x.min();
    const hi = x.max();
    const gray = lo.greaterEqual(0);
    const bound = tf.maximum(lo.abs(), hi.abs()).maximum(1e-12);
    const t = tf.where(gray, x.div(hi.maximum(1e-12)), x.add(bound).div(bound.mul(2))).clipByValue(0, 1).expandDims(-1);
    const blend = (s: tf.Tensor, from: readonly number[], to: readonly number[]) => tf.tensor1d([...from]).add(tf.tensor1d(to.map((v, k) => v - from[k]!)).mul(s));
    const diverging = tf.where(t.lessEqual(0.5).tile([1, 3]), blend(t.mul(2), DIVERGING.negative, DIVERGING.middle), blend(t.mul(2).sub(1), DIVERGING.middle, DIVERGING.positive));
    return tf.where(gray, t.mul(255).tile([1, 3]), diverging).round();
  });
}

/** overlayHeatmap as tfjs ops. */
function overlayOps(image: tf.Tensor2D, map: tf.Tensor1D, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const m = map.clipByValue(0, 1);
    const t = m.mul(INFERNO.length - 1);
    const low = t.floor().clipByValue(0, INFERNO.length - 2).toInt();
    const stops = tf.tensor2d(INFERNO.map((s) => [...s]));
    const a = tf.gather(stops, low);
    const heat = a.add(tf.gather(stops, low.add(tf.scalar(1, 'int32'))).sub(a).mul(t.sub(low.toFloat()).expandDims(-1)));
    const weight = m.mul(alpha).expandDims(-1);
    return image.mul(255).mul(tf.scalar(1).sub(weight)).add(heat.mul(weight)).round().clipByValue(0, 255);
  });
}

const rgb = (rgba: Uint8ClampedArray) => Array.from(rgba).filter((_, i) => i % 4 !== 3);

describe('colours in JavaScript equal the same formulas as tfjs ops', () => {
  for (const [name, values] of [['signed', randomValues(1, 7.3, 0.4)], ['non-negative', randomValues(2, 513, 0)], ['steps of 1/8', Float32Array.from({ length: N }, (_, i) => (i % 17) / 8 - 0.5)]] as const) {
    it(`colorize: ${name}`, async () => {
      const x = tf.tensor1d(values);
      const expected = colorizeOps(x);
      const lo = values.reduce((a, b) => Math.min(a, b));
      const hi = values.reduce((a, b) => Math.max(a, b));
      expect(rgb(colorize(values, scaleFor(lo, hi)))).toEqual(Array.from(await expected.data()));
      tf.dispose([x, expected]);
    });
  }

  for (const alpha of [0.75, 0.5]) {
    it(`overlayHeatmap, alpha ${alpha}`, async () => {
      const image = randomValues(3, 1, 0).map((v, i) => (i % 5 === 0 ? 0.5 : v));
      const pixels = Float32Array.from({ length: N * 3 }, (_, i) => image[i % N]!);
      const noise = randomValues(4, 1.4, 0.2);
      const map = noise.map((v, i) => (i % 3 === 0 ? (i % 19) / 16 : v));
      const expected = overlayOps(tf.tensor2d(pixels, [N, 3]), tf.tensor1d(map), alpha);
      expect(rgb(overlayHeatmap(pixels, map, alpha))).toEqual(Array.from(await expected.data()));
      expected.dispose();
    });
  }
});
