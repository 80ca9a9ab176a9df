import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DissectionSession } from '~/engine/gan/dissect.ts';
import { EditEffectSession } from '~/engine/gan/edit-effect.ts';
import { editUnits } from '~/engine/gan/intervene.ts';
import { segmentLabels } from '~/engine/gan/segment.ts';
import { latentCodes } from '~/engine/gan/latent.ts';
import { splitGenerator } from '~/engine/gan/split.ts';
import { THRESHOLD_QUANTILES } from '~/engine/gan/unit-iou.ts';
import { resizeMap, TINY_GAN, tinyGenerator, tinySegmenter } from './helpers.ts';

const drain = async (s: { remaining(): number; step(n: number): Promise<void> }) => {
  while (s.remaining() > 0) await s.step(1);
};

describe('GAN dissection of a layer', () => {
  const generator = tinyGenerator();
  const segmenter = tinySegmenter();
  const samples = 6;

  it("scores every unit against an independent count: the unit's map resized, thresholded, compared pixel by pixel", async () => {
    const session = new DissectionSession(generator, segmenter, 'block1', samples, 42);
    await drain(session);
    const d = await session.read();
    expect(d).toMatchObject({ units: 6, side: 8, samples });
    // The same samples, independently: activations at 8 x 8, labels at 32 x 32.
    const split = splitGenerator(generator, 'block1');
    const z = tf.tensor2d(latentCodes(42, 0, samples, TINY_GAN.latent), [samples, TINY_GAN.latent]);
    const acts = await split.head(z).array();
    const labels = (await segmentLabels(segmenter, split.tail(split.head(z))).data()) as Int32Array;
    for (const u of [0, 3, 5]) {
      const maps = acts.map((a) => a.flat().map((cell) => cell[u]!));
      const sorted = maps.flat().sort((a, b) => a - b);
      for (const c of [0, 10]) {
        const t = d.threshold[u]![c]!;
        expect(t).toBe(Math.fround(sorted[Math.floor(d.quantile[u]![c]! * (sorted.length - 1))]!));
        let both = 0;
        let either = 0;
        maps.forEach((map, n) =>
          resizeMap(map, 8, 32).forEach((v, p) => {
            const on = v > t;
            const is = labels[n * 1024 + p] === c;
            both += on && is ? 1 : 0;
            either += on || is ? 1 : 0;
          }),
        );
        expect(d.iou[u]![c]!).toBeCloseTo(either ? both / either : 0, 5);
      }
      expect(d.high[u]).toBe(Math.fround(sorted[Math.floor(THRESHOLD_QUANTILES.at(-1)! * (sorted.length - 1))]!));
    }
    expect(d.labelShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Every label's units ranked by IoU, best first.
    for (const c of [0, 10]) {
      expect([...d.ranked[c]!].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
      d.ranked[c]!.slice(1).forEach((u, i) => expect(d.iou[u]![c]!).toBeLessThanOrEqual(d.iou[d.ranked[c]![i]!]![c]!));
    }
  });

  it("measures an edit's effect as the class's share before and after, sample by sample", async () => {
    const edit = { mode: 'ablate', units: [0, 2] } as const;
    const split = splitGenerator(generator, 'block2');
    const acts = split.head(tf.tensor2d(latentCodes(9, 0, 7, TINY_GAN.latent), [7, TINY_GAN.latent]));
    const unedited = (await segmentLabels(segmenter, split.tail(acts)).array()).map((rows) => rows.flat());
    // The label the stand-in segmenter gives most pixels, so the share has room to move.
    const tally = Array.from({ length: 11 }, (_, c) => unedited.flat().filter((v) => v === c).length);
    const c = tally.indexOf(Math.max(...tally));
    const share = async (images: tf.Tensor4D) =>
      (await segmentLabels(segmenter, images).array()).map((rows) => rows.flat().filter((v) => v === c).length / 1024);
    const [before, after] = [await share(split.tail(acts)), await share(split.tail(editUnits(acts, edit)))];
    const session = new EditEffectSession(generator, segmenter, 'block2', edit, c, 7, 9);
    await drain(session);
    const effect = await session.read();
    effect.before.forEach((v, i) => expect(v).toBeCloseTo(before[i]!, 6));
    effect.after.forEach((v, i) => expect(v).toBeCloseTo(after[i]!, 6));
    expect(effect.meanBefore).toBeCloseTo(before.reduce((a, b) => a + b) / 7, 6);
    expect(effect.after).not.toEqual(effect.before);
  });

  it('leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    await drain(new DissectionSession(generator, segmenter, 'block2', 3, 1));
    await drain(new EditEffectSession(generator, segmenter, 'block1', { mode: 'insert', units: [1], values: [3], box: [2, 2, 5, 5] }, 0, 3, 1));
    expect(tf.memory().numTensors).toBe(before);
  });
});
