import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { AugSample } from '~/engine/augment/sample.ts';
import { labTransform, transformOn, type TransformChoice } from '~/engine/tasks/augment/transform-lab.ts';
import { tinyGapCnn, tinyImage } from '../../cam/tiny-gap.ts';

const model = tinyGapCnn();
afterAll(() => model.dispose());

/** An 8 x 8 sample with one object: the pixels x 1..2, y 2..4, i.e. the box [1, 2, 3, 5). */
function tinySample(): AugSample {
  const mask = new Uint8Array(64);
  for (let y = 2; y < 5; y++) for (let x = 1; x < 3; x++) mask[y * 8 + x] = 1;
  return { size: 8, image: tinyImage(), boxes: [[1, 2, 3, 5]], masks: [mask], classes: [3] };
}

const choice = (over: Partial<TransformChoice>): TransformChoice => ({ transform: 'rotate', amount: 90, seed: 1, interpolation: 'nearest', border: 'constant', thenFlip: false, ...over });

describe('labTransform', () => {
  it('a quarter turn about the centre of an 8 x 8 image: x\' = y, y\' = 8 - x, by hand', () => {
    const view = labTransform(tinySample(), choice({}));
    expect(view.matrices.total).toEqual([0, 1, 0, -1, 0, 8, 0, 0, 1]);
    // Corners x in {1, 3}, y in {2, 5} go to x' in {2, 5}, y' in {5, 7}.
    expect(view.sample.boxes).toEqual([[2, 5, 5, 7]]);
    expect(view.maskBoxes).toEqual([[2, 5, 5, 7]]);
    // Pixel (x 1, y 2) lands at (x 2, y 6); (x 2, y 4) at (x 4, y 5).
    expect(view.sample.masks[0]![6 * 8 + 2]).toBe(1);
    expect(view.sample.masks[0]![5 * 8 + 4]).toBe(1);
    expect(view.sample.masks[0]!.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('then a flip: the sample moves by the product F·A, and the flip is shown apart', () => {
    const view = labTransform(tinySample(), choice({ thenFlip: true }));
    expect(view.matrices.first).toEqual([0, 1, 0, -1, 0, 8, 0, 0, 1]);
    expect(view.matrices.flip).toEqual([-1, 0, 8, 0, 1, 0, 0, 0, 1]);
    // x'' = 8 - x' = 8 - y, y'' = 8 - x.
    expect(view.matrices.total).toEqual([0, -1, 8, -1, 0, 8, 0, 0, 1]);
    expect(view.sample.boxes).toEqual([[3, 5, 6, 7]]);
  });

  it('a photometric transform has no matrix and leaves masks and boxes alone', () => {
    const input = tinySample();
    const view = labTransform(input, choice({ transform: 'brightness', amount: 0.5 }));
    expect(view.matrices).toEqual({ first: null, flip: null, total: null });
    expect(view.sample.masks[0]).toEqual(input.masks[0]);
    expect(view.sample.boxes).toEqual(input.boxes);
    expect(view.sample.image[5]).toBeCloseTo(input.image[5]! * 0.5, 6);
  });

  it('the seed draws the crop: the same seed the same op, another seed another', () => {
    const a = labTransform(tinySample(), choice({ transform: 'resizedCrop', amount: 0.4, seed: 7 }));
    const b = labTransform(tinySample(), choice({ transform: 'resizedCrop', amount: 0.4, seed: 7 }));
    const c = labTransform(tinySample(), choice({ transform: 'resizedCrop', amount: 0.4, seed: 8 }));
    expect(a.op).toEqual(b.op);
    expect(a.op).not.toEqual(c.op);
  });

  it('refuses a transform the lab does not offer, naming it', () => {
    expect(() => labTransform(tinySample(), choice({ transform: 'cutout' }))).toThrow('labTransform(choice.transform): expected a transform the lab offers, got "cutout"');
  });
});

describe('transformOn', () => {
  it('explains the moved image: probabilities sum to 1 and Grad-CAM is image-sized', async () => {
    const view = await transformOn(tinySample(), choice({}), 2, model);
    expect(Array.from(view.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect([view.gradCam.width, view.gradCam.height]).toEqual([8, 8]);
  });

  it('does not leak memory', async () => {
    await transformOn(tinySample(), choice({}), 1, model);
    const before = tf.memory().numTensors;
    await transformOn(tinySample(), choice({ transform: 'perspective', amount: 0.5, thenFlip: true }), 2, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
