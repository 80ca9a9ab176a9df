import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ClassVisualization } from '~/engine/explain/class-visualization.ts';
import { blurEvery, gaussianBlur, gaussianKernel1d } from '~/engine/explain/regularizers/blur.ts';
import { disposeBasis, fourierBasis, spectrumToImage } from '~/engine/explain/regularizers/decorrelated-fourier.ts';
import { jitter, roll } from '~/engine/explain/regularizers/jitter.ts';
import type { Regularizer } from '~/engine/explain/regularizers/regularizer.ts';
import { totalVariation, tvPenalty } from '~/engine/explain/regularizers/total-variation.ts';
import { scaleRotate, transformRobustness } from '~/engine/explain/regularizers/transform-robustness.ts';

const grid = (h: number, w: number) => tf.tensor4d(Array.from({ length: h * w }, (_, k) => k), [1, h, w, 1]);
const plane = async (t: tf.Tensor) => ((await t.squeeze().array()) as number[][]);

/** One bright target pixel at (2, 2) of a 5 x 5 x 1 image: S(I) = I[2, 2]. */
const spot = (image: tf.Tensor4D) => image.slice([0, 2, 2, 0], [1, 1, 1, 1]).sum();

/** The raw image after `steps` of ascent on `spot` from a black start, lambda = 0.1. */
async function climb(regularizers: Regularizer[], steps: number) {
  const vis = new ClassVisualization({ height: 5, width: 5, channels: 1, lambda: 0.1, learningRate: 0.5, initScale: 0, regularizers });
  vis.init(spot);
  vis.step(steps);
  const raw = vis.readRaw();
  const out = await plane(raw);
  raw.dispose();
  vis.dispose();
  return out;
}

describe('jitter', () => {
  it('rolls circularly, down and right for positive shifts (by hand)', async () => {
    const x = grid(3, 4);
    const y = roll(x, 1, -1);
    // out[y, x] = in[(y - 1) mod 3, (x + 1) mod 4]
    expect(await plane(y)).toEqual([[9, 10, 11, 8], [1, 2, 3, 0], [5, 6, 7, 4]]);
    tf.dispose([x, y]);
  });

  it('spreads the ascent around the target pixel; without it only that pixel moves', async () => {
    const plain = await climb([], 20);
    expect(plain.flat().filter((v) => v !== 0)).toHaveLength(1);
    const jittered = await climb([jitter(1)], 20);
    expect(jittered.flat().filter((v) => v > 0).length).toBeGreaterThan(3);
    // Every pixel it touched lies within 1 of the target.
    jittered.forEach((row, r) => row.forEach((v, c) => v > 0 && expect(Math.max(Math.abs(r - 2), Math.abs(c - 2))).toBeLessThanOrEqual(1)));
  });
});

describe('blur every k steps', () => {
  it('has normalised taps and keeps a constant image constant', async () => {
    const taps = gaussianKernel1d(1);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const flat = tf.fill([1, 6, 6, 2], 0.5) as tf.Tensor4D;
    const out = gaussianBlur(flat, 1);
    expect((await out.sub(0.5).abs().max().data())[0]).toBeLessThan(1e-6);
    tf.dispose([flat, out]);
  });

  it('blurs only on every k-th step: the target pixel leaks into its neighbours then', async () => {
    const once = await climb([blurEvery(2, 0.8)], 1);
    expect(once[2]![3]).toBe(0);
    const twice = await climb([blurEvery(2, 0.8)], 2);
    expect(twice[2]![3]).toBeGreaterThan(0);
    expect(twice[2]![2]).toBeLessThan((await climb([], 2))[2]![2]!);
  });
});

describe('total variation', () => {
  it('sums squared neighbour differences (by hand)', async () => {
    // [[0, 1, 2], [3, 4, 5]]: the two pixels with both neighbours, (0,0) and (0,1), each have dx = 1, dy = 3: 2 * (1 + 9) = 20.
    const x = grid(2, 3);
    const tv = tvPenalty(x);
    expect((await tv.data())[0]).toBe(20);
    tf.dispose([x, tv]);
  });

  it('smooths a noisy start', async () => {
    const vis = (tv: number) => new ClassVisualization({ height: 8, width: 8, lambda: 0, learningRate: 0.05, initScale: 1, regularizers: tv ? [totalVariation(tv)] : [] });
    const measure = async (tv: number) => {
      const v = vis(tv);
      v.init((image) => image.mean().mul(0));
      v.step(20);
      const raw = v.readRaw();
      const p = tvPenalty(raw.expandDims(0) as tf.Tensor4D);
      const value = (await p.data())[0]!;
      tf.dispose([raw, p]);
      v.dispose();
      return value;
    };
    expect(await measure(1)).toBeLessThan((await measure(0)) / 2);
  });
});

describe('transformation robustness', () => {
  it('is the identity at scale 1 and angle 0, and turns a quarter counter-clockwise (by hand)', async () => {
    const x = grid(3, 3);
    const same = scaleRotate(x, 1, 0);
    expect(await plane(same)).toEqual(await plane(x));
    // Counter-clockwise on screen: the top-right 2 goes to the top-left.
    const turned = scaleRotate(x, 1, Math.PI / 2);
    (await plane(turned)).flat().forEach((v, k) => expect(v).toBeCloseTo([[2, 5, 8], [1, 4, 7], [0, 3, 6]].flat()[k]!, 5));
    tf.dispose([x, same, turned]);
  });

  it('passes gradients back to the pixels it samples', async () => {
    const x = grid(4, 4);
    const g = tf.grad((img: tf.Tensor) => scaleRotate(img as tf.Tensor4D, 1.1, 0.2).sum())(x);
    expect((await g.sum().data())[0]).toBeCloseTo(16, 3); // each output pixel's weights sum to 1
    tf.dispose([x, g]);
  });

  it('samples different transforms from the rng', async () => {
    const reg = transformRobustness({ scale: 0.1, degrees: 10 });
    const x = grid(4, 4);
    const a = reg.sample!({ next: () => 0.1, range: (lo, hi) => lo + 0.1 * (hi - lo), int: () => 0, chance: () => false, state: () => 0 })(x);
    const b = reg.sample!({ next: () => 0.9, range: (lo, hi) => lo + 0.9 * (hi - lo), int: () => 0, chance: () => false, state: () => 0 })(x);
    expect(await plane(a)).not.toEqual(await plane(b));
    tf.dispose([x, a, b]);
  });
});

describe('decorrelated Fourier parameterisation', () => {
  it('turns a DC coefficient into a constant image and (u, v) = (0, 1) into one horizontal cosine', async () => {
    const basis = fourierBasis(4, 6);
    const wave = tf.tidy(() => tf.zeros([2, 1, 4, 4]).add(tf.oneHot([1], 16).reshape([1, 1, 4, 4]).pad([[0, 1], [0, 0], [0, 0], [0, 0]])));
    const dc = tf.tidy(() => tf.zeros([2, 1, 4, 4]).add(tf.oneHot([0], 16).reshape([1, 1, 4, 4]).pad([[0, 1], [0, 0], [0, 0], [0, 0]])));
    const [flatImage, waveImage] = [dc, wave].map((s) => spectrumToImage(s as tf.Tensor4D, basis, false));
    const flat = await plane(flatImage!);
    const g0 = 6 / Math.sqrt(24); // 1 / max(f, 1/6) / sqrt(h w) at f = 0
    flat.flat().forEach((v) => expect(v).toBeCloseTo(g0, 5));
    const cosine = await plane(waveImage!);
    const g1 = 6 / Math.sqrt(24); // f = 1/6 cycles per pixel
    cosine.forEach((row) => row.forEach((v, x) => expect(v).toBeCloseTo(g1 * Math.cos((2 * Math.PI * x) / 6), 5)));
    disposeBasis(basis);
    tf.dispose([dc, wave, flatImage!, waveImage!]);
  });

  it('starts smoother than pixel noise: 1/f scaling favours low frequencies', async () => {
    const roughness = async (parameterization: 'pixel' | 'fourier') => {
      const vis = new ClassVisualization({ height: 16, width: 16, parameterization, seed: 1 });
      vis.init((image) => image.sum());
      const raw = vis.readRaw();
      const ratio = tf.tidy(() => tvPenalty(raw.expandDims(0) as tf.Tensor4D).div(raw.sub(raw.mean()).square().sum()));
      const value = (await ratio.data())[0]!;
      tf.dispose([raw, ratio]);
      vis.dispose();
      return value;
    };
    expect(await roughness('fourier')).toBeLessThan((await roughness('pixel')) / 3);
  });
});

describe('regulariser tensor functions', () => {
  it('do not leak memory', () => {
    const x = tf.ones([1, 6, 6, 3]) as tf.Tensor4D;
    const basis = fourierBasis(6, 6);
    const spectrum = tf.ones([2, 3, 6, 4]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const outputs = [
      roll(x, 2, -1),
      gaussianBlur(x, 1),
      tvPenalty(x),
      tvPenalty(x, 1),
      scaleRotate(x, 1.05, 0.1),
      spectrumToImage(spectrum, basis),
      tf.grad((img: tf.Tensor) => scaleRotate(img as tf.Tensor4D, 0.95, -0.1).sum())(x),
    ];
    expect(tf.memory().numTensors).toBe(before + outputs.length);
    tf.dispose([x, spectrum, ...outputs]);
    disposeBasis(basis);
  });
});
