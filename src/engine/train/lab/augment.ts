/**
 * One training step's batch under a lab policy. Per-image policies first, on
 * the samples (RandAugment's plan moves the pixels; Copy-Paste pastes a
 * shuffled partner's object and labels the result by visible object area),
 * then the batch policy on the backend (batch/apply.ts). Every random choice
 * comes from `rng`, so a step is the same in Node and in the page.
 */
import * as tf from '@tensorflow/tfjs-core';
import { applyBatchOp } from '../../augment/batch/apply.ts';
import { sampleBatchOp } from '../../augment/batch/policy.ts';
import { copyPaste } from '../../augment/mixing/copy-paste.ts';
import { randAugment } from '../../augment/policies/rand-augment.ts';
import type { AugSample } from '../../augment/sample.ts';
import { permutation, type Rng } from '../../shared/rng.ts';
import type { LabPolicy } from './policies.ts';

/** The label of a sample whose objects overlap: each class weighted by its objects' visible pixels, summing to 1. */
export function areaLabel(sample: AugSample, classes: number): Float32Array {
  const label = new Float32Array(classes);
  sample.masks.forEach((mask, k) => {
    let area = 0;
    for (const v of mask) area += v;
    label[sample.classes[k]!]! += area;
  });
  const total = label.reduce((a, b) => a + b, 0);
  return label.map((v) => v / total);
}

function oneHot(sample: AugSample, classes: number): Float32Array {
  const label = new Float32Array(classes);
  label[sample.classes[0]!] = 1;
  return label;
}

/** The per-image part: samples and their label weights, before the batch policy. */
export function augmentSamples(policy: LabPolicy, samples: AugSample[], classes: number, rng: Rng): { samples: AugSample[]; labels: Float32Array[] } {
  let out = samples;
  if (policy.randAugment) {
    const params = policy.randAugment;
    out = out.map((s) => randAugment.apply(randAugment.sample(params, rng), s));
  }
  if (!policy.copyPaste) return { samples: out, labels: out.map((s) => oneHot(s, classes)) };
  const params = policy.copyPaste;
  const partner = permutation(out.length, rng);
  const pasted = out.map((a, i) => copyPaste.apply(copyPaste.sample(params, rng), a, out[partner[i]!]!));
  return { samples: pasted, labels: pasted.map((s) => areaLabel(s, classes)) };
}

/** The batch as the model trains on it: images [n, S, S, 3] and label weights [n, classes]; the caller owns both. */
export function augmentLabBatch(policy: LabPolicy, samples: AugSample[], classes: number, rng: Rng): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const { samples: out, labels } = augmentSamples(policy, samples, classes, rng);
  const n = out.length;
  const size = out[0]!.size;
  const pixels = new Float32Array(n * size * size * 3);
  const weights = new Float32Array(n * classes);
  out.forEach((s, i) => {
    pixels.set(s.image, i * size * size * 3);
    weights.set(labels[i]!, i * classes);
  });
  const x = tf.tensor4d(pixels, [n, size, size, 3]);
  const y = tf.tensor2d(weights, [n, classes]);
  if (!policy.batch) return { x, y };
  try {
    const { images, labels: mixed } = applyBatchOp(sampleBatchOp(policy.batch, n, rng), x, y);
    return { x: images, y: mixed };
  } finally {
    tf.dispose([x, y]);
  }
}
