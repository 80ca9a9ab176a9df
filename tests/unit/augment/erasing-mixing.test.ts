import { describe, expect, it } from 'vitest';
import { beta } from '~/engine/augment/beta.ts';
import { boxOfMask } from '~/engine/augment/boxes.ts';
import { cutout } from '~/engine/augment/erasing/cutout.ts';
import { hideAndSeek } from '~/engine/augment/erasing/hide-and-seek.ts';
import { randomErasing } from '~/engine/augment/erasing/random-erasing.ts';
import { copyPaste } from '~/engine/augment/mixing/copy-paste.ts';
import { cutBox, cutBoxClipped, cutmix } from '~/engine/augment/mixing/cutmix.ts';
import { mixup } from '~/engine/augment/mixing/mixup.ts';
import { softLabel } from '~/engine/augment/mixing/pair.ts';
import type { AugSample } from '~/engine/augment/sample.ts';
import { createRng } from '~/engine/shared/rng.ts';

/** A flat image of grey `level` with one object per rectangle given ([x0, y0, x1, y1), class). */
function scene(size: number, level: number, objects: [number, number, number, number, number][]): AugSample {
  const masks = objects.map(([x0, y0, x1, y1]) => Uint8Array.from({ length: size * size }, (_, p) => (p % size >= x0 && p % size < x1 && Math.floor(p / size) >= y0 && Math.floor(p / size) < y1 ? 1 : 0)));
  return { size, image: new Float32Array(size * size * 3).fill(level), masks, boxes: masks.map((m) => boxOfMask(m, size)), classes: objects.map((o) => o[4]) };
}

const pixel = (s: AugSample, x: number, y: number) => s.image[(y * s.size + x) * 3]!;

describe('erasing', () => {
  it('Cutout fills its square, takes the square out of the masks and shrinks the boxes to what is visible', () => {
    const input = scene(8, 0.2, [[0, 0, 4, 8, 1]]);
    const out = cutout.apply({ cx: 0.5, cy: 0.5, side: 4, fill: 0.5 }, input);
    // Centre pixel (4, 4), side 4: columns and rows 2..5.
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) expect(pixel(out, x, y)).toBeCloseTo(x >= 2 && x < 6 && y >= 2 && y < 6 ? 0.5 : 0.2, 6);
    expect(out.masks[0]![3 * 8 + 2]).toBe(0);
    expect(out.masks[0]![3 * 8 + 1]).toBe(1);
    expect(out.boxes).toEqual([[0, 0, 4, 8]]);
    expect(cutout.apply({ cx: 0.5, cy: 0.5, side: 16, fill: 0 }, input)).toMatchObject({ masks: [], boxes: [], classes: [] });
    expect(input.masks[0]!.reduce((a, b) => a + b, 0)).toBe(32);
  });

  it('a hidden object is dropped, a partly hidden one keeps the box of its visible pixels', () => {
    const input = scene(8, 0.2, [[0, 0, 2, 2, 4], [4, 4, 8, 8, 7]]);
    const out = hideAndSeek.apply({ grid: 2, hidden: [true, false, false, false], fill: 0.5 }, input);
    expect(out.classes).toEqual([7]);
    const cut = cutout.apply({ cx: 0.75, cy: 0.75, side: 2, fill: 0 }, input);
    // Cells 5..6 hidden: the second object keeps an L shape whose box is still the whole square.
    expect(cut.boxes).toEqual([[0, 0, 2, 2], [4, 4, 8, 8]]);
    // A square over columns 5..8 and rows 4..7 leaves the second object only its column 4.
    const side = cutout.apply({ cx: 0.999, cy: 0.75, side: 4, fill: 0 }, input);
    expect(side.boxes).toEqual([[0, 0, 2, 2], [4, 4, 5, 8]]);
  });

  it('Hide-and-Seek hides exactly the cells its op names', () => {
    const input = scene(8, 0.2, []);
    const out = hideAndSeek.apply({ grid: 2, hidden: [true, false, false, true], fill: 0.6 }, input);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) expect(pixel(out, x, y)).toBeCloseTo((x < 4) === (y < 4) ? 0.6 : 0.2, 6);
    const op = hideAndSeek.sample({ grid: 4, p: 0.5, fill: 0.5 }, createRng(2));
    expect(op.hidden).toHaveLength(16);
    expect(op).toEqual(hideAndSeek.sample({ grid: 4, p: 0.5, fill: 0.5 }, createRng(2)));
  });

  it('random erasing places its rectangle inside the image, with the area asked, and replays from its seed', () => {
    const params = { p: 1, area: [0.02, 0.4] as [number, number], ratio: [0.3, 1 / 0.3] as [number, number] };
    const rng = createRng(9);
    for (let n = 0; n < 200; n++) {
      const op = randomErasing.sample(params, rng);
      const [x, y, w, h] = op.rect!;
      expect(x >= 0 && y >= 0 && x + w <= 1 && y + h <= 1).toBe(true);
      expect(w * h).toBeGreaterThanOrEqual(0.02 - 1e-12);
      expect(w * h).toBeLessThanOrEqual(0.4 + 1e-12);
    }
    const input = scene(16, 0.2, [[2, 2, 14, 14, 0]]);
    const op = randomErasing.sample(params, createRng(1));
    expect(randomErasing.apply(op, input).image).toEqual(randomErasing.apply(op, input).image);
    expect(randomErasing.apply(randomErasing.sample({ ...params, p: 0 }, createRng(1)), input)).toBe(input);
  });
});

describe('mixing', () => {
  it('Beta draws have the right mean and replay from a seed', () => {
    const rng = createRng(5);
    const draws = Array.from({ length: 20000 }, () => beta(2, 5, rng));
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(2 / 7, 2);
    const small = Array.from({ length: 20000 }, () => beta(0.2, 0.2, rng));
    expect(small.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.abs(small.reduce((a, b) => a + b, 0) / small.length - 0.5)).toBeLessThan(0.02);
    expect(beta(0.4, 0.4, createRng(3))).toBe(beta(0.4, 0.4, createRng(3)));
  });

  it("Mixup's image and label are the same convex combination", () => {
    const a = scene(4, 0.2, [[0, 0, 2, 2, 3]]);
    const b = scene(4, 0.9, [[2, 2, 4, 4, 5]]);
    const { sample, weights } = mixup.apply({ lambda: 0.3 }, a, b);
    expect(sample.image.every((v) => v === Math.fround(0.3 * Math.fround(0.2) + 0.7 * Math.fround(0.9)))).toBe(true);
    expect(weights).toEqual([0.3, 0.7]);
    expect(Array.from(softLabel(3, 5, weights, 6))).toEqual([0, 0, 0, Math.fround(0.3), 0, Math.fround(0.7)]);
    expect(Array.from(softLabel(3, 3, weights, 4))).toEqual([0, 0, 0, 1]);
    expect(sample.classes).toEqual([3, 5]);
  });

  it("CutMix's label weight equals the pasted area's share of the image exactly, border clipping included", () => {
    const rng = createRng(8);
    for (let n = 0; n < 300; n++) {
      const a = scene(16, 0.25, [[0, 0, 16, 16, 1]]);
      const b = scene(16, 0.75, [[0, 0, 16, 16, 2]]);
      const op = cutmix.sample({ alpha: 1 }, rng);
      const { sample, weights } = cutmix.apply(op, a, b);
      const fromB = sample.image.filter((v, k) => k % 3 === 0 && v === Math.fround(0.75)).length;
      expect(weights[1]).toBe(fromB / 256);
      expect(weights[0] + weights[1]).toBe(1);
      const [x0, y0, x1, y1] = cutBox(op, 16);
      expect(fromB).toBe((x1 - x0) * (y1 - y0));
      // b's object is seen exactly in the box, a's exactly outside it.
      const seenB = sample.masks[sample.classes.indexOf(2)];
      expect(seenB ? seenB.reduce((s, v) => s + v, 0) : 0).toBe(fromB);
    }
  });

  it('Copy-Paste pastes the chosen objects with their masks, updates what they cover and drops what they hide', () => {
    const a = scene(8, 0.1, [[0, 0, 4, 4, 1], [5, 5, 7, 7, 2]]);
    const b = scene(8, 0.8, [[2, 2, 8, 8, 3], [0, 6, 2, 8, 4]]);
    const out = copyPaste.apply({ paste: [true, false, false, false, false, false, false, false] }, a, b);
    expect(out.classes).toEqual([1, 3]);
    expect(out.boxes).toEqual([[0, 0, 4, 4], [2, 2, 8, 8]]);
    // a's first object lost its corner under the pasted square.
    expect(out.masks[0]!.reduce((s, v) => s + v, 0)).toBe(16 - 4);
    for (let p = 0; p < 64; p++) expect(out.image[3 * p]).toBe(Math.fround(out.masks[1]![p] ? 0.8 : 0.1));
    expect(copyPaste.sample({ p: 0.5 }, createRng(4))).toEqual(copyPaste.sample({ p: 0.5 }, createRng(4)));
  });

  it('refuses bad params, naming them', () => {
    expect(() => mixup.sample({ alpha: 0 }, createRng(1))).toThrow(/mixup\(alpha\)/);
    expect(() => cutmix.sample({ alpha: -1 }, createRng(1))).toThrow(/cutmix\(alpha\)/);
    expect(() => cutout.sample({ side: 0, fill: 0 }, createRng(1))).toThrow(/cutout\(side\)/);
    expect(() => randomErasing.sample({ p: 1, area: [0.5, 0.2], ratio: [1, 1] }, createRng(1))).toThrow(/randomErasing\(area\)/);
    expect(() => copyPaste.apply({ paste: [] }, scene(4, 0, []), scene(8, 0, []))).toThrow(/copyPaste\(b\)/);
  });
});

describe("CutMix's box at the border", () => {
  it('is clipped only where the drawn box reaches past the image', () => {
    // lambda 0.75: a box of side 32 on a 64-pixel image. Centred, it fits; centred at 10 % of the side, its left and top edges fall at -9.6.
    expect(cutBox({ lambda: 0.75, cx: 0.5, cy: 0.5 }, 64)).toEqual([16, 16, 48, 48]);
    expect(cutBoxClipped({ lambda: 0.75, cx: 0.5, cy: 0.5 }, 64)).toBe(false);
    expect(cutBox({ lambda: 0.75, cx: 0.1, cy: 0.1 }, 64)).toEqual([0, 0, 22, 22]);
    expect(cutBoxClipped({ lambda: 0.75, cx: 0.1, cy: 0.1 }, 64)).toBe(true);
    // The reviewer's case: rounding alone shrinks the box to 31 x 31 (23.5 % instead of 24 %), with no clipping.
    expect(cutBox({ lambda: 0.76, cx: 0.5047, cy: 0.5047 }, 64)).toEqual([17, 17, 48, 48]);
    expect(cutBoxClipped({ lambda: 0.76, cx: 0.5047, cy: 0.5047 }, 64)).toBe(false);
  });
});
