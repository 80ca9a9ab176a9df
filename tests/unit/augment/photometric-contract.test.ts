import { describe, expect, it } from 'vitest';
import { autocontrast } from '~/engine/augment/photometric/autocontrast.ts';
import { blur } from '~/engine/augment/photometric/blur.ts';
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
import type { AugSample, Box, Touches, Transform } from '~/engine/augment/sample.ts';
import { createRng, type Rng } from '~/engine/shared/rng.ts';

/** A transform with its params bound, its op type erased so all of them fit one table. */
interface Case {
  name: string;
  touches: Touches;
  sample(rng: Rng): unknown;
  apply(op: unknown, input: AugSample): AugSample;
}

function entry<P, O>(t: Transform<P, O>, params: P): Case {
  return { name: t.name, touches: t.touches, sample: (rng) => t.sample(params, rng), apply: (op, input) => t.apply(op as O, input) };
}

const CASES: Case[] = [
  entry(brightness, { factor: [0.2, 2.5] }),
  entry(contrast, { factor: [0, 3] }),
  entry(saturation, { factor: [0, 3] }),
  entry(hue, { hue: [-0.5, 0.5] }),
  entry(gamma, { gamma: [0.3, 3] }),
  entry(grey, { p: 0.5 }),
  entry(posterize, { bits: [1, 8] }),
  entry(solarize, { threshold: [0, 1] }),
  entry(equalize, { p: 1 }),
  entry(autocontrast, { p: 1 }),
  entry(sharpness, { factor: [0, 4] }),
  entry(noise, { sigma: [0, 0.5] }),
  entry(blur, { sigma: [0, 2] }),
];

/** A random image (side 17, so equalize has more than 255 pixels) with two boxes and masks. */
function randomSample(seed: number, size = 17): AugSample {
  const rng = createRng(seed);
  const image = Float32Array.from({ length: size * size * 3 }, () => (rng.chance(0.1) ? rng.int(2) : rng.next()));
  const boxes: Box[] = [[1, 2, 5, 6], [0, 0, size, size]];
  const masks = boxes.map(() => Uint8Array.from({ length: size * size }, () => rng.int(2)));
  return { size, image, boxes, masks, classes: [1, 2] };
}

describe.each(CASES)('photometric transform $name', (t) => {
  it('touches only the image', () => {
    expect(t.touches).toEqual({ image: true, boxes: false, masks: false });
  });

  it('samples the same op from the same seed', () => {
    expect(t.sample(createRng(7))).toEqual(t.sample(createRng(7)));
  });

  it('returns a new image in [0, 1] beside the same boxes and masks, and leaves its input as it was', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomSample(seed);
      const image = input.image.slice();
      const boxes = input.boxes.map((b) => [...b]);
      const masks = input.masks.map((m) => m.slice());
      const out = t.apply(t.sample(createRng(seed)), input);
      expect(out.size).toBe(input.size);
      expect(out.image).not.toBe(input.image);
      expect(out.image).toHaveLength(input.image.length);
      expect(out.image.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(out.boxes).toBe(input.boxes);
      expect(out.masks).toBe(input.masks);
      expect(out.classes).toBe(input.classes);
      expect(input.image).toEqual(image);
      expect(input.boxes).toEqual(boxes);
      expect(input.masks).toEqual(masks);
    }
  });

  it('is deterministic: one op applied twice gives one image', () => {
    const op = t.sample(createRng(3));
    expect(t.apply(op, randomSample(5)).image).toEqual(t.apply(op, randomSample(5)).image);
  });
});

describe('photometric params', () => {
  it('draw within their ranges, and a range [x, x] gives x', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const { bits } = posterize.sample({ bits: [3, 5] }, rng);
      expect([3, 4, 5]).toContain(bits);
      const { factor } = brightness.sample({ factor: [0.5, 1.5] }, rng);
      expect(factor >= 0.5 && factor <= 1.5).toBe(true);
    }
    expect(hue.sample({ hue: [0.1, 0.1] }, rng)).toEqual({ hue: 0.1 });
    expect(posterize.sample({ bits: [4, 4] }, rng)).toEqual({ bits: 4 });
    expect(grey.sample({ p: 1 }, rng)).toEqual({ applied: true });
    expect(equalize.sample({ p: 0 }, rng)).toEqual({ applied: false });
  });

  it('are rejected with a message naming the transform, the argument and the value', () => {
    const rng = createRng(1);
    expect(() => posterize.sample({ bits: [0, 8] }, rng)).toThrow(/posterize\(bits\): expected .*1\.\.8/);
    expect(() => posterize.sample({ bits: [2.5, 4] }, rng)).toThrow(/posterize\(bits\)/);
    expect(() => posterize.apply({ bits: 9 }, randomSample(1))).toThrow(/posterize\.apply\(bits\).*got 9/);
    expect(() => blur.sample({ sigma: [-1, 1] }, rng)).toThrow(/blur\(sigma\): expected a range within \[0, Infinity\], got "\[-1, 1\]"/);
    expect(() => blur.apply({ sigma: -0.5 }, randomSample(1))).toThrow(/blur\.apply\(sigma\).*got -0\.5/);
    expect(() => noise.sample({ sigma: [-0.1, 0.1] }, rng)).toThrow(/noise\(sigma\)/);
    expect(() => hue.sample({ hue: [0, 0.6] }, rng)).toThrow(/hue\(hue\): expected a range within \[-0\.5, 0\.5\]/);
    expect(() => gamma.sample({ gamma: [-1, 2] }, rng)).toThrow(/gamma\(gamma\)/);
    expect(() => brightness.sample({ factor: [1.5, 0.5] }, rng)).toThrow(/brightness\(factor\): expected a range \[lo, hi\]/);
    expect(() => solarize.sample({ threshold: [0.5, 1.2] }, rng)).toThrow(/solarize\(threshold\)/);
    expect(() => grey.sample({ p: 2 }, rng)).toThrow(/grey\(p\): expected a probability in 0\.\.1, got 2/);
  });
});
