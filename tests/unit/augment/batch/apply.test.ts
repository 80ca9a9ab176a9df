import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { applyBatchOp } from '~/engine/augment/batch/apply.ts';
import { sampleBatchOp, type BatchOp, type BatchPolicy } from '~/engine/augment/batch/policy.ts';
import type { AugSample } from '~/engine/augment/sample.ts';
import { singleImagePath } from '../../../e2e/reference/single-image-batch.ts';
import { createRng } from '~/engine/shared/rng.ts';

const SIZE = 16;
const N = 6;
const CLASSES = 4;
const COLOUR = { brightness: [0.6, 1.4], contrast: [0.6, 1.4], saturation: [0.5, 1.5] } as BatchPolicy['colour'];

function samples(seed: number): AugSample[] {
  const rng = createRng(seed);
  return Array.from({ length: N }, () => ({ size: SIZE, image: Float32Array.from({ length: SIZE * SIZE * 3 }, () => rng.next()), boxes: [], masks: [], classes: [] }));
}
const oneHot = (b: number) => Array.from({ length: CLASSES }, (_, c) => (c === b % CLASSES ? 1 : 0));

async function onTensors(op: BatchOp, inputs: AugSample[]) {
  const images = tf.tensor4d(inputs.flatMap((s) => Array.from(s.image)), [N, SIZE, SIZE, 3]);
  const labels = tf.tensor2d(inputs.map((_, b) => oneHot(b)));
  const out = applyBatchOp(op, images, labels);
  const result = { images: await out.images.data(), labels: (await out.labels.array()) as number[][] };
  tf.dispose([images, labels, out.images, out.labels]);
  return result;
}

const POLICIES: [string, BatchPolicy][] = [
  ['crop and flip', { crop: { scale: [0.3, 1], ratio: [3 / 4, 4 / 3] }, flip: 0.5 }],
  ['colour', { colour: COLOUR }],
  ['Cutout and Hide-and-Seek', { cutout: { side: 6, fill: 0.5 }, hideAndSeek: { grid: 4, p: 0.5, fill: 0.5 } }],
  ['Mixup', { mixup: { alpha: 0.4 } }],
  ['CutMix after crop, flip and colour', { crop: { scale: [0.3, 1], ratio: [3 / 4, 4 / 3] }, flip: 0.5, colour: COLOUR, cutmix: { alpha: 1 } }],
];

describe('a batch augmented on tensors', () => {
  it.each(POLICIES)('equals the single-image transforms, pixels and labels (%s)', async (_, policy) => {
    for (const seed of [1, 2, 3]) {
      const inputs = samples(seed);
      const op = sampleBatchOp(policy, N, createRng(seed + 10));
      const batch = await onTensors(op, inputs);
      const single = singleImagePath(op, inputs, inputs.map((_, b) => oneHot(b)));
      let worst = 0;
      single.images.forEach((image, b) => image.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - batch.images[b * image.length + k]!)))));
      expect(worst).toBeLessThan(1e-5);
      batch.labels.forEach((row, b) => row.forEach((v, c) => expect(v).toBeCloseTo(single.labels[b]![c]!, 6)));
    }
  });

  it("gives CutMix's label the share of pixels that came from the partner, and keeps every label summing to 1", async () => {
    const inputs = samples(5);
    const op = sampleBatchOp({ cutmix: { alpha: 1 } }, N, createRng(5));
    const { images, labels } = await onTensors(op, inputs);
    const area = SIZE * SIZE;
    labels.forEach((row, b) => {
      expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
      const partner = op.mix!.partner[b]!;
      if (partner % CLASSES === b % CLASSES) return;
      // Pixels whose three values are the partner's (random images: never the image's own by chance).
      let fromPartner = 0;
      for (let p = 0; p < area; p++) {
        if ([0, 1, 2].every((ch) => images[b * area * 3 + p * 3 + ch] === inputs[partner]!.image[p * 3 + ch])) fromPartner++;
      }
      expect(row[partner % CLASSES]).toBeCloseTo(fromPartner / area, 6);
    });
  });

  it('is reproduced by its seed and changed by another', () => {
    const policy = POLICIES.at(-1)![1];
    expect(sampleBatchOp(policy, N, createRng(7))).toEqual(sampleBatchOp(policy, N, createRng(7)));
    expect(sampleBatchOp(policy, N, createRng(7))).not.toEqual(sampleBatchOp(policy, N, createRng(8)));
  });

  it('refuses Mixup and CutMix together', () => {
    expect(() => sampleBatchOp({ mixup: { alpha: 1 }, cutmix: { alpha: 1 } }, N, createRng(1))).toThrow(/Mixup or CutMix/);
  });

  it.each(POLICIES)('does not leak memory (%s)', async (_, policy) => {
    const op = sampleBatchOp(policy, N, createRng(3));
    await onTensors(op, samples(3));
    const before = tf.memory().numTensors;
    await onTensors(op, samples(3));
    expect(tf.memory().numTensors).toBe(before);
  });
});
