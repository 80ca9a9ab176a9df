import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildGenerator } from '~/engine/train/build-gan.ts';
import { editUnits } from '~/engine/gan/intervene.ts';
import { classShare, segmentLabels } from '~/engine/gan/segment.ts';
import { splitGenerator } from '~/engine/gan/split.ts';
import { latentCodes } from '~/engine/gan/latent.ts';
import { TINY_GAN, tinySegmenter } from './helpers.ts';

describe('editing a generator layer', () => {
  const acts = tf.tensor4d(
    Array.from({ length: 2 * 3 * 3 * 4 }, (_, i) => i + 1),
    [2, 3, 3, 4],
  );

  it('ablation zeroes the chosen units at every cell and leaves the others', async () => {
    const edited = await editUnits(acts, { mode: 'ablate', units: [1, 3] }).array();
    const original = await acts.array();
    for (let n = 0; n < 2; n++)
      for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) expect(edited[n]![y]![x]).toEqual([original[n]![y]![x]![0], 0, original[n]![y]![x]![2], 0]);
  });

  it('insertion sets the chosen units to their values inside the box only', async () => {
    const edited = await editUnits(acts, { mode: 'insert', units: [2, 0], values: [-5, 7], box: [1, 0, 3, 2] }).array();
    const original = await acts.array();
    for (let n = 0; n < 2; n++)
      for (let y = 0; y < 3; y++)
        for (let x = 0; x < 3; x++) {
          const inside = y >= 1 && x < 2;
          const [a, b, c, d] = original[n]![y]![x]!;
          expect(edited[n]![y]![x]).toEqual(inside ? [7, b, -5, d] : [a, b, c, d]);
        }
  });

  it('refuses units the layer lacks, values missing and a box outside the grid', () => {
    expect(() => editUnits(acts, { mode: 'ablate', units: [4] })).toThrow(/editUnits\(edit.units\)/);
    expect(() => editUnits(acts, { mode: 'insert', units: [0, 1], values: [1], box: [0, 0, 1, 1] })).toThrow(/editUnits\(edit.values\)/);
    expect(() => editUnits(acts, { mode: 'insert', units: [0], values: [1], box: [0, 2, 1, 4] })).toThrow(/editUnits\(edit.box\)/);
  });

  it('cuts the generator at a layer: head then tail is the whole generator', async () => {
    const generator = buildGenerator(TINY_GAN);
    const z = tf.tensor2d(latentCodes(1, 0, 3, TINY_GAN.latent), [3, TINY_GAN.latent]);
    for (const layer of ['block1', 'block2']) {
      const split = splitGenerator(generator, layer);
      const whole = await (generator.predict(z) as tf.Tensor).data();
      const parts = await split.tail(split.head(z)).data();
      expect(split.units).toBe(layer === 'block1' ? 6 : 4);
      parts.forEach((v, i) => expect(v).toBeCloseTo(whole[i]!, 6));
    }
    expect(() => splitGenerator(generator, 'nope')).toThrow(/splitGenerator\(name\)/);
  });

  it("labels generated pixels with the segmenter's probabilities averaged back to the image's grid", async () => {
    const segmenter = tinySegmenter();
    const images = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
    const labels = await segmentLabels(segmenter, images).array();
    // Independently: the 64 x 64 probabilities, each 2 x 2 block's mean, its largest label.
    const p = await (segmenter.predict(tf.image.resizeBilinear(images, [64, 64], false, true)) as tf.Tensor4D).array();
    let checked = 0;
    for (let n = 0; n < 2; n++)
      for (let y = 0; y < 32; y += 5)
        for (let x = 0; x < 32; x += 5) {
          const mean = Array.from(
            { length: 11 },
            (_, c) => (p[n]![2 * y]![2 * x]![c]! + p[n]![2 * y]![2 * x + 1]![c]! + p[n]![2 * y + 1]![2 * x]![c]! + p[n]![2 * y + 1]![2 * x + 1]![c]!) / 4,
          );
          expect(labels[n]![y]![x]).toBe(mean.indexOf(Math.max(...mean)));
          checked++;
        }
    expect(checked).toBe(98);
    const share = await classShare(tf.tensor3d([0, 1, 1, 1, 2, 1, 0, 0], [2, 2, 2], 'int32'), 1).data();
    expect(Array.from(share)).toEqual([0.75, 0.25]);
  });
});
