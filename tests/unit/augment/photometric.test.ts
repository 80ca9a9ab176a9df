import { describe, expect, it } from 'vitest';
import { autocontrast } from '~/engine/augment/photometric/autocontrast.ts';
import { blur, gaussianKernel } from '~/engine/augment/photometric/blur.ts';
import { brightness } from '~/engine/augment/photometric/brightness.ts';
import { contrast } from '~/engine/augment/photometric/contrast.ts';
import { equalize } from '~/engine/augment/photometric/equalize.ts';
import { gamma } from '~/engine/augment/photometric/gamma.ts';
import { grey } from '~/engine/augment/photometric/grey.ts';
import { hue } from '~/engine/augment/photometric/hue.ts';
import { noise } from '~/engine/augment/photometric/noise.ts';
import { posterize } from '~/engine/augment/photometric/posterize.ts';
import { saturation } from '~/engine/augment/photometric/saturation.ts';
import { sharpness } from '~/engine/augment/photometric/sharpness.ts';
import { solarize } from '~/engine/augment/photometric/solarize.ts';
import type { AugSample } from '~/engine/augment/sample.ts';

/** A sample of side `size` from its row-major RGB values, with one box and one mask. */
function sampleOf(size: number, values: number[]): AugSample {
  expect(values).toHaveLength(size * size * 3);
  return { size, image: Float32Array.from(values), boxes: [[0, 0, 1, 1]], masks: [new Uint8Array(size * size)], classes: [0] };
}

/** The image's values compared to `expected` within float32 rounding. */
function expectImage(out: AugSample, expected: number[]): void {
  expect(out.image).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(out.image[i]!).toBeCloseTo(v, 5));
}

const RGBW = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1]; // red, green, blue, white

describe('colour adjustments', () => {
  it('brightness 2 doubles every value, clipping at 1', () => {
    const out = brightness.apply({ factor: 2 }, sampleOf(2, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0, 0.25, 0.45, 1, 0.05, 0.5]));
    expectImage(out, [0.2, 0.4, 0.6, 0.8, 1, 1, 0, 0.5, 0.9, 1, 0.1, 1]);
  });

  it('contrast 0 gives the mean grey level everywhere', () => {
    // Lumas 0.299, 0.587, 0.114 and 1: mean 2 / 4 = 0.5.
    expectImage(contrast.apply({ factor: 0 }, sampleOf(2, RGBW)), Array(12).fill(0.5));
    // Factor 2 pushes away from that mean: 2x - 0.5.
    expectImage(contrast.apply({ factor: 2 }, sampleOf(2, RGBW)), [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('saturation 0 equals the greyscale image, with ITU-R 601 weights', () => {
    const out = saturation.apply({ factor: 0 }, sampleOf(2, RGBW));
    expectImage(out, [0.299, 0.299, 0.299, 0.587, 0.587, 0.587, 0.114, 0.114, 0.114, 1, 1, 1]);
    expect(Array.from(out.image)).toEqual(Array.from(grey.apply({ applied: true }, sampleOf(2, RGBW)).image));
    expect(Array.from(grey.apply({ applied: false }, sampleOf(2, RGBW)).image)).toEqual(RGBW);
  });

  it('a hue shift of 1/3 turn maps red to green and green to blue, greys untouched', () => {
    const image = [1, 0, 0, 0, 1, 0, 0, 0, 0.5, 0.4, 0.4, 0.4];
    expectImage(hue.apply({ hue: 1 / 3 }, sampleOf(2, image)), [0, 1, 0, 0, 0, 1, 0.5, 0, 0, 0.4, 0.4, 0.4]);
    expectImage(hue.apply({ hue: -1 / 3 }, sampleOf(2, image)), [0, 0, 1, 1, 0, 0, 0, 0.5, 0, 0.4, 0.4, 0.4]);
    // Half a turn: orange (1, 0.5, 0) has hue 1/12, goes to 7/12, azure (0, 0.5, 1).
    expectImage(hue.apply({ hue: 0.5 }, sampleOf(1, [1, 0.5, 0])), [0, 0.5, 1]);
  });

  it('gamma 2 squares: 0.5 becomes 0.25', () => {
    expectImage(gamma.apply({ gamma: 2 }, sampleOf(1, [0.5, 0, 1])), [0.25, 0, 1]);
  });
});

describe('8-bit level transforms', () => {
  it('posterize to 1 bit keeps only the top bit of round(255 x)', () => {
    // 0.2 -> 51 -> 0; 0.49 -> 125 -> 0; 0.5 -> 128 -> 128; 1 -> 255 -> 128.
    expectImage(posterize.apply({ bits: 1 }, sampleOf(1, [0.2, 0.49, 0.5])), [0, 0, 128 / 255]);
    expectImage(posterize.apply({ bits: 1 }, sampleOf(1, [1, 0, 0])), [128 / 255, 0, 0]);
    // 2 bits: 200 = 0b11001000 -> 0b11000000 = 192.
    expectImage(posterize.apply({ bits: 2 }, sampleOf(1, [200 / 255, 0, 0])), [192 / 255, 0, 0]);
    expectImage(posterize.apply({ bits: 8 }, sampleOf(1, [200 / 255, 0, 1])), [200 / 255, 0, 1]);
  });

  it('solarize inverts values at or above the threshold', () => {
    expectImage(solarize.apply({ threshold: 0.5 }, sampleOf(2, [0.2, 0.5, 0.7, 1, 0, 0.49, 0.6, 0.1, 0.9, 0.3, 0.3, 0.8])), [0.2, 0.5, 0.3, 0, 0, 0.49, 0.4, 0.1, 0.1, 0.3, 0.3, 0.2]);
  });

  it('equalize leaves a 4-pixel channel as it is: one step needs 255 pixels below the top level', () => {
    // Levels 10, 50, 50, 200: 4 - 1 pixels outside the top level, step = floor(3 / 255) = 0.
    const image = [10, 0, 0, 50, 0, 0, 50, 0, 0, 200, 0, 0].map((v) => v / 255);
    expectImage(equalize.apply({ applied: true }, sampleOf(2, image)), image);
  });

  it('equalize maps a 4-level histogram of 400 pixels through its cumulative counts', () => {
    // Red: 100 pixels each at levels 10, 50, 90, 200. step = floor((400 - 100) / 255) = 1, so
    // lut[v] = pixels below v: 10 -> 0, 50 -> 100, 90 -> 200, 200 -> min(300, 255) = 255.
    // Green is one level (nothing outside the top level, step 0) and stays; blue is 0.
    const levels = [10, 50, 90, 200];
    const image: number[] = [];
    for (let i = 0; i < 400; i++) image.push(levels[i % 4]! / 255, 0.5, 0);
    const out = equalize.apply({ applied: true }, sampleOf(20, image));
    const expected: number[] = [];
    for (let i = 0; i < 400; i++) expected.push([0, 100, 200, 255][i % 4]! / 255, 0.5, 0);
    expectImage(out, expected);
    expectImage(equalize.apply({ applied: false }, sampleOf(20, image)), image);
  });

  it('autocontrast stretches each channel to [0, 1] and keeps a constant channel', () => {
    // Red 0.2..0.6 -> (x - 0.2) / 0.4; green constant 0.3; blue already spans 0..1.
    const out = autocontrast.apply({ applied: true }, sampleOf(2, [0.2, 0.3, 0, 0.3, 0.3, 1, 0.4, 0.3, 0.5, 0.6, 0.3, 0.25]));
    expectImage(out, [0, 0.3, 0, 0.25, 0.3, 1, 0.5, 0.3, 0.5, 1, 0.3, 0.25]);
  });
});

describe('filters', () => {
  // A 3x3 image, 0.5 at the centre, 0 elsewhere, in all three channels.
  const dot = (): AugSample => sampleOf(3, Array.from({ length: 27 }, (_, i) => (Math.floor(i / 3) === 4 ? 0.5 : 0)));

  it('sharpness 1 is the identity; 0 is the smoothed image with its border kept; 2 sharpens', () => {
    expectImage(sharpness.apply({ factor: 1 }, dot()), Array.from(dot().image));
    // Only the centre has a full neighbourhood: 5 * 0.5 / 13.
    const centreOf = (factor: number): number => sharpness.apply({ factor }, dot()).image[12]!;
    expect(centreOf(0)).toBeCloseTo(2.5 / 13, 6);
    expect(centreOf(2)).toBeCloseTo(2 * 0.5 - 2.5 / 13, 6);
    expect(Array.from(sharpness.apply({ factor: 0 }, dot()).image).filter((_, i) => Math.floor(i / 3) !== 4)).toEqual(Array(24).fill(0));
  });

  it('noise with sigma 0 is the identity; one seed gives one image, another seed another', () => {
    const s = sampleOf(2, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.5, 0.5, 0.5]);
    expect(Array.from(noise.apply({ sigma: 0, seed: 3 }, s).image)).toEqual(Array.from(s.image));
    const a = noise.apply({ sigma: 0.1, seed: 3 }, s).image;
    expect(Array.from(noise.apply({ sigma: 0.1, seed: 3 }, s).image)).toEqual(Array.from(a));
    expect(Array.from(noise.apply({ sigma: 0.1, seed: 4 }, s).image)).not.toEqual(Array.from(a));
    expect(Array.from(a)).not.toEqual(Array.from(s.image));
  });

  it('noise draws standard normals: mean near 0 and spread near sigma on a mid-grey image', () => {
    const size = 64;
    const s = sampleOf(size, Array(size * size * 3).fill(0.5));
    const d = Array.from(noise.apply({ sigma: 0.05, seed: 11 }, s).image, (v) => v - 0.5);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(sd).toBeCloseTo(0.05, 2);
  });

  it('blur keeps a constant image constant, also at the clamped border', () => {
    expectImage(blur.apply({ sigma: 1.3 }, sampleOf(3, Array(27).fill(0.4))), Array(27).fill(0.4));
    expectImage(blur.apply({ sigma: 0 }, dot()), Array.from(dot().image));
  });

  it('blur spreads a single bright pixel symmetrically, with weights summing to 1', () => {
    // Side 7, pixel at (3, 3); sigma 0.8 gives radius ceil(2.4) = 3, so the kernel never reaches the border.
    const size = 7;
    const out = blur.apply({ sigma: 0.8 }, sampleOf(size, Array.from({ length: 147 }, (_, i) => (Math.floor(i / 3) === 24 ? 1 : 0)))).image;
    const at = (r: number, c: number): number => out[(r * size + c) * 3]!;
    let sum = 0;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        sum += at(r, c);
        expect(at(r, c)).toBeCloseTo(at(c, r), 7);
        expect(at(r, c)).toBeCloseTo(at(size - 1 - r, c), 7);
        expect(at(r, c)).toBeCloseTo(at(r, size - 1 - c), 7);
        expect(out[(r * size + c) * 3 + 1]).toBe(at(r, c));
      }
    }
    expect(sum).toBeCloseTo(1, 6);
    // Separable: the value at offset (dr, dc) is w[dr] * w[dc], w proportional to exp(-k^2 / (2 sigma^2)).
    const raw = [-3, -2, -1, 0, 1, 2, 3].map((k) => Math.exp(-(k * k) / 1.28));
    const w = raw.map((v) => v / raw.reduce((a, b) => a + b, 0));
    expect(at(3, 3)).toBeCloseTo(w[3]! * w[3]!, 6);
    expect(at(2, 4)).toBeCloseTo(w[2]! * w[4]!, 6);
    expect(at(0, 3)).toBeCloseTo(w[0]! * w[3]!, 7);
    expect(Array.from(gaussianKernel(0.8))).toEqual(w.map((v) => expect.closeTo(v, 12)));
  });
});
