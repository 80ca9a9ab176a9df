import { describe, expect, it } from 'vitest';
import { boxOfMask } from '~/engine/augment/boxes.ts';
import { applyMatrix, DEFAULT_RENDERING, type GeometricTransform, type Rendering } from '~/engine/augment/geometric.ts';
import { horizontalFlip, verticalFlip } from '~/engine/augment/geometric/flip.ts';
import { perspective } from '~/engine/augment/geometric/perspective.ts';
import { resizedCrop } from '~/engine/augment/geometric/resized-crop.ts';
import { rotate } from '~/engine/augment/geometric/rotate.ts';
import { scale } from '~/engine/augment/geometric/scale.ts';
import { shear } from '~/engine/augment/geometric/shear.ts';
import { translate } from '~/engine/augment/geometric/translate.ts';
import { homography, type Quad } from '~/engine/augment/homography.ts';
import { compose, IDENTITY, invert, mapPoint, multiply, rotation, translation, type Matrix } from '~/engine/augment/matrix.ts';
import type { AugSample, Box } from '~/engine/augment/sample.ts';
import { createRng } from '~/engine/shared/rng.ts';

const NEAREST: Rendering = { interpolation: 'nearest', border: { kind: 'constant', value: 0 } };

function randomImage(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size * size * 3 }, () => rng.next());
}

/** A sample whose red channel is 1 exactly on the object's mask (an ellipse), so image and mask can be compared after a move. */
function codedSample(size: number, seed: number): AugSample {
  const rng = createRng(seed);
  const [cx, cy, rx, ry] = [rng.range(0.3, 0.7) * size, rng.range(0.3, 0.7) * size, rng.range(0.1, 0.3) * size, rng.range(0.1, 0.3) * size];
  const mask = new Uint8Array(size * size);
  const image = new Float32Array(size * size * 3);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const inside = ((j + 0.5 - cx) / rx) ** 2 + ((i + 0.5 - cy) / ry) ** 2 <= 1;
      mask[i * size + j] = inside ? 1 : 0;
      image[(i * size + j) * 3] = inside ? 1 : 0;
      image[(i * size + j) * 3 + 1] = 0.5;
    }
  }
  return { size, image, masks: [mask], boxes: [boxOfMask(mask, size)], classes: [3] };
}

describe('matrices', () => {
  it('compose applies its matrices in order and equals their product', () => {
    const a = rotation(30, 32, 32);
    const b = translation(5, -3);
    const m = compose(a, b);
    expect(m).toEqual(multiply(b, a));
    const [x, y] = mapPoint(a, 10, 20);
    const direct = mapPoint(m, 10, 20);
    expect(direct[0]).toBeCloseTo(x + 5, 12);
    expect(direct[1]).toBeCloseTo(y - 3, 12);
  });

  it('a matrix times its inverse is the identity', () => {
    const m = compose(rotation(17, 10, 12), translation(3, 4), [1.2, 0.1, 0, 0, 0.9, 0, 0.001, 0, 1]);
    multiply(m, invert(m)).forEach((v, k) => expect(v).toBeCloseTo(IDENTITY[k]!, 12));
    expect(() => invert([1, 2, 0, 2, 4, 0, 0, 0, 1])).toThrow(/invertible/);
  });

  it('rotates a box corner by hand: 30 degrees about (32, 32), counter-clockwise on screen', () => {
    // (44, 24) is (12, -8) from the centre: (12 cos 30 - 8 sin 30, -12 sin 30 - 8 cos 30) = (6√3 - 4, -6 - 4√3).
    const [x, y] = mapPoint(rotation(30, 32, 32), 44, 24);
    expect(x).toBeCloseTo(32 + 6 * Math.sqrt(3) - 4, 12);
    expect(y).toBeCloseTo(32 - 6 - 4 * Math.sqrt(3), 12);
  });
});

describe('projective and crop matrices', () => {
  it('a homography takes its four points to the four others', () => {
    const from: Quad = [[0, 0], [64, 0], [64, 64], [0, 64]];
    const to: Quad = [[5, 3], [60, 8], [57, 61], [2, 55]];
    const h = homography(from, to);
    from.forEach(([x, y], k) => {
      const [u, v] = mapPoint(h, x, y);
      expect(u).toBeCloseTo(to[k]![0], 9);
      expect(v).toBeCloseTo(to[k]![1], 9);
    });
    expect(() => homography(from, [[0, 0], [1, 1], [2, 2], [3, 3]])).toThrow(/no three on a line/);
  });

  it('perspective with no distortion is the identity', () => {
    const op = perspective.sample({ distortion: 0 }, createRng(3));
    perspective.matrix(op, 64).forEach((v, k) => expect(v).toBeCloseTo(IDENTITY[k]!, 12));
  });

  it("a resized crop takes the crop's corners to the image's corners", () => {
    const m = resizedCrop.matrix({ ...DEFAULT_RENDERING, x: 0.25, y: 0.125, w: 0.5, h: 0.25 }, 64);
    expect(mapPoint(m, 16, 8)).toEqual([0, 0]);
    expect(mapPoint(m, 48, 24)).toEqual([64, 64]);
    const op = resizedCrop.sample({ scale: [0.08, 1], ratio: [3 / 4, 4 / 3] }, createRng(4));
    expect(op.x >= 0 && op.y >= 0 && op.x + op.w <= 1 && op.y + op.h <= 1).toBe(true);
    const area = op.w * op.h;
    expect(area >= 0.08 - 1e-12 && area <= 1 + 1e-12).toBe(true);
  });
});

describe('geometric transforms', () => {
  it('flips a 3x3 image exactly, and a box with it', () => {
    const image = Float32Array.from({ length: 27 }, (_, k) => k / 27);
    const sample: AugSample = { size: 3, image, masks: [], boxes: [[0, 1, 2, 3]], classes: [0] };
    const h = horizontalFlip.apply(horizontalFlip.sample({ p: 1 }, createRng(1)), sample);
    const v = verticalFlip.apply(verticalFlip.sample({ p: 1 }, createRng(1)), sample);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        for (let c = 0; c < 3; c++) {
          expect(h.image[(i * 3 + j) * 3 + c]).toBe(image[(i * 3 + (2 - j)) * 3 + c]);
          expect(v.image[(i * 3 + j) * 3 + c]).toBe(image[((2 - i) * 3 + j) * 3 + c]);
        }
      }
    }
    expect(h.boxes).toEqual([[1, 1, 3, 3]]);
    expect(v.boxes).toEqual([[0, 0, 2, 2]]);
    expect(horizontalFlip.sample({ p: 0 }, createRng(1)).flipped).toBe(false);
  });

  it('a quarter turn moves every pixel exactly, with either interpolation, and four make the identity', () => {
    const size = 64;
    const image = randomImage(size, 3);
    const sample: AugSample = { size, image, masks: [], boxes: [], classes: [] };
    for (const interpolation of ['nearest', 'bilinear'] as const) {
      const op = { interpolation, border: DEFAULT_RENDERING.border, degrees: 90 };
      const turned = rotate.apply(op, sample);
      // Counter-clockwise on screen: output (i, j) comes from input (j, 63 - i).
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          for (let c = 0; c < 3; c++) expect(turned.image[(i * size + j) * 3 + c]).toBe(image[(j * size + (size - 1 - i)) * 3 + c]);
        }
      }
      let back = turned;
      for (let k = 0; k < 3; k++) back = rotate.apply(op, back);
      expect(back.image).toEqual(image);
    }
  });

  it('moves a rotated box to the hull of its corners, worked by hand', () => {
    const box: Box = [20, 24, 44, 40];
    const out = rotate.apply({ ...DEFAULT_RENDERING, degrees: 30 }, { size: 64, image: new Float32Array(64 * 64 * 3), masks: [], boxes: [box], classes: [0] });
    // Corners at (±12, ±8) from the centre; the hull's half sides are 12 cos 30 + 8 sin 30 and 12 sin 30 + 8 cos 30.
    const hx = 6 * Math.sqrt(3) + 4;
    const hy = 6 + 4 * Math.sqrt(3);
    [32 - hx, 32 - hy, 32 + hx, 32 + hy].forEach((v, k) => expect(out.boxes[0]![k]).toBeCloseTo(v, 10));
  });

  it('applying two ops one after the other equals applying the product of their matrices (nearest, masks and boxes)', () => {
    const sample = codedSample(64, 5);
    const r = { ...NEAREST, degrees: 90 };
    const t = { ...NEAREST, x: 0.125, y: -0.25 };
    const twice = translate.apply(t, rotate.apply(r, sample));
    const once = applyMatrix(compose(rotate.matrix(r, 64), translate.matrix(t, 64)), NEAREST, sample);
    expect(once.image).toEqual(twice.image);
    expect(once.masks).toEqual(twice.masks);
    once.boxes[0]!.forEach((v, k) => expect(v).toBeCloseTo(twice.boxes[0]![k]!, 12));
  });

  const random: [string, GeometricTransform<never, Rendering>, object][] = [
    ['horizontal flip', horizontalFlip as never, { p: 0.5 }],
    ['vertical flip', verticalFlip as never, { p: 0.5 }],
    ['rotate', rotate as never, { degrees: [-180, 180] }],
    ['translate', translate as never, { x: [-0.3, 0.3], y: [-0.3, 0.3] }],
    ['scale', scale as never, { factor: [0.5, 1.6] }],
    ['shear', shear as never, { x: [-30, 30], y: [-30, 30] }],
    ['perspective', perspective as never, { distortion: 0.6 }],
    ['resized crop', resizedCrop as never, { scale: [0.08, 1], ratio: [3 / 4, 4 / 3] }],
  ];

  it.each(random)('%s: over 1,000 seeded ops the moved image and the moved mask agree pixel for pixel, and the hull holds the mask', (_, transform, params) => {
    const size = 32;
    const rng = createRng(11);
    let disagree = 0;
    let outside = 0;
    for (let n = 0; n < 1000; n++) {
      const sample = codedSample(size, n);
      const op = transform.sample({ ...params, ...NEAREST } as never, rng);
      const out = transform.apply(op, sample);
      const mask = out.masks[0]!;
      for (let k = 0; k < size * size; k++) if ((out.image[3 * k]! > 0.5 ? 1 : 0) !== mask[k]) disagree++;
      // Every moved mask pixel's centre lies in the moved box, so the pixel lies within half a pixel of the hull.
      const [x0, y0, x1, y1] = boxOfMask(mask, size);
      const hull = out.boxes[0]!;
      if (x1 > x0 && !(x0 >= hull[0] - 0.5 && y0 >= hull[1] - 0.5 && x1 <= hull[2] + 0.5 && y1 <= hull[3] + 0.5)) outside++;
    }
    expect(disagree).toBe(0);
    expect(outside).toBe(0);
  });

  it.each(random)('%s: the same seed gives the same op and the same output; the input is left as it was', (_, transform, params) => {
    const sample = codedSample(32, 1);
    const before = sample.image.slice();
    const a = transform.sample(params as never, createRng(42));
    const b = transform.sample(params as never, createRng(42));
    expect(a).toEqual(b);
    expect(transform.apply(a, sample)).toEqual(transform.apply(b, sample));
    expect(sample.image).toEqual(before);
  });

  it('refuses bad params, naming them', () => {
    expect(() => rotate.sample({ degrees: [10, -10] }, createRng(1))).toThrow(/rotate\(degrees\)/);
    expect(() => scale.sample({ factor: [0, 2] }, createRng(1))).toThrow(/scale\(factor\)/);
    expect(() => shear.sample({ x: [-90, 0], y: [0, 0] }, createRng(1))).toThrow(/shear\(x\)/);
    expect(() => horizontalFlip.sample({ p: 2 }, createRng(1))).toThrow(/horizontalFlip\(p\)/);
  });

  it('keeps masks exactly 0 or 1 and reads borders as asked', () => {
    const size = 8;
    const image = new Float32Array(size * size * 3).fill(0.25);
    const m: Matrix = translation(3, 0);
    const constant = applyMatrix(m, { interpolation: 'bilinear', border: { kind: 'constant', value: 0.75 } }, { size, image, masks: [], boxes: [], classes: [] });
    const edge = applyMatrix(m, { interpolation: 'bilinear', border: { kind: 'edge' } }, { size, image, masks: [], boxes: [], classes: [] });
    expect(constant.image[0]).toBeCloseTo(0.75, 6);
    expect(constant.image[(0 * size + 5) * 3]).toBeCloseTo(0.25, 6);
    expect(edge.image.every((v) => Math.abs(v - 0.25) < 1e-6)).toBe(true);
    const sample = codedSample(32, 9);
    const out = rotate.apply({ ...DEFAULT_RENDERING, degrees: 33 }, sample);
    expect(out.masks[0]!.every((v) => v === 0 || v === 1)).toBe(true);
  });
});
