/**
 * The lab's training set and batches: scenes 0 .. N-1 of the stream
 * LAB_DATA_SEED (single objects, training styles), made on first use and
 * kept as 8-bit pixels, like any image dataset. Epoch e visits them in the
 * order permutation(N, deriveSeed(seed, e)); step s of epoch e is augmented
 * with the draws of deriveSeed(deriveSeed(seed, e), s + 1). So a batch
 * depends only on (seed, epoch, step), and a resumed run sees what a fresh
 * one would.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt } from '../../data/objects.ts';
import type { AugSample, Box } from '../../augment/sample.ts';
import { createRng, deriveSeed, permutation } from '../../shared/rng.ts';
import type { Batch, DataSource } from '../source.ts';
import type { ModelSpec } from '../specs.ts';
import { augmentLabBatch } from './augment.ts';
import type { LabPolicy } from './policies.ts';
import { LAB_DATA_SEED } from './spec.ts';

interface StoredScene {
  pixels: Uint8Array;
  mask: Uint8Array;
  box: Box;
  classIndex: number;
}

export interface LabSource extends DataSource {
  /** The samples of step `step` of epoch `epoch`, before augmentation (fresh copies). */
  samples(epoch: number, step: number): AugSample[];
  tensors(epoch: number, step: number): { x: tf.Tensor4D; y: tf.Tensor2D };
}

export function labSource(atlas: ObjectAtlas, spec: ModelSpec, policy: LabPolicy): LabSource {
  const { samplesPerEpoch: count, batchSize, classes, inputShape } = spec;
  const size = inputShape[0];
  const stored: StoredScene[] = [];
  const scene = (i: number): StoredScene => {
    while (stored.length <= i) {
      const made = sceneAt(atlas, LAB_DATA_SEED, stored.length, { size });
      const object = made.objects[0]!;
      stored.push({ pixels: Uint8Array.from(made.image, (v) => Math.round(v * 255)), mask: object.mask, box: object.box, classIndex: object.classIndex });
    }
    return stored[i]!;
  };
  let orderEpoch = -1;
  let order: Int32Array = new Int32Array(0);
  const indices = (epoch: number, step: number): Int32Array => {
    if (epoch !== orderEpoch) {
      order = permutation(count, createRng(deriveSeed(spec.seed, epoch)));
      orderEpoch = epoch;
    }
    return order.subarray(step * batchSize, (step + 1) * batchSize);
  };
  const samples = (epoch: number, step: number): AugSample[] =>
    Array.from(indices(epoch, step), (i) => {
      const s = scene(i);
      return { size, image: Float32Array.from(s.pixels, (v) => v / 255), boxes: [[...s.box] as Box], masks: [s.mask.slice()], classes: [s.classIndex] };
    });
  return {
    stepsPerEpoch: Math.floor(count / batchSize),
    samples,
    batch(epoch, step): Batch {
      const list = samples(epoch, step);
      const x = new Float32Array(list.length * size * size * 3);
      list.forEach((s, i) => x.set(s.image, i * size * size * 3));
      return { x, y: Int32Array.from(list, (s) => s.classes[0]!), n: list.length };
    },
    tensors: (epoch, step) => augmentLabBatch(policy, samples(epoch, step), classes, createRng(deriveSeed(deriveSeed(spec.seed, epoch), step + 1))),
  };
}
