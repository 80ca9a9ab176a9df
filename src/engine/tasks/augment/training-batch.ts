import * as tf from '@tensorflow/tfjs-core';
import { applyBatchOp } from '../../augment/batch/apply.ts';
import { BATCH_POLICIES, type BatchPolicyName } from '../../augment/batch/policies.ts';
import { sampleBatchOp, type BatchOp } from '../../augment/batch/policy.ts';
import { sceneBatch } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import { badArgument } from '../../shared/errors.ts';
import { createRng } from '../../shared/rng.ts';
import { trainSeed } from '../../shared/splits.ts';
import { SPECS } from '../../train/specs.ts';

export interface AugmentedBatch {
  /** n * 64 * 64 * 3 floats in [0, 1]. */
  images: Float32Array;
  /** n * 10 label weights (one-hot unless mixed). */
  labels: Float32Array;
  op: BatchOp;
  /** Milliseconds from drawing the op to the batch computed on the backend: what a training step pays (scenes made before, readback after). */
  ms: number;
}

/**
 * The first n training scenes of objects-cnn's stream augmented on the
 * engine's backend by a named policy with seed `seed`: what a training step
 * would see, read back for the page.
 */
export async function augmentedBatch(policy: BatchPolicyName, seed: number, n: number): Promise<AugmentedBatch> {
  if (!Object.hasOwn(BATCH_POLICIES, policy)) throw badArgument('augmentedBatch', 'policy', `one of ${Object.keys(BATCH_POLICIES).join(', ')}`, policy);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw badArgument('augmentedBatch', 'n', 'a whole number of images, 1..256', n);
  const spec = SPECS['objects-cnn']!;
  const { x, y } = sceneBatch(await loadObjectAtlas(), trainSeed(spec.seed), 0, n);
  const size = spec.inputShape[0];
  const images = tf.tensor4d(x, [n, size, size, 3]);
  const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(y, 'int32'), spec.classes).toFloat() as tf.Tensor2D);
  let out: ReturnType<typeof applyBatchOp> | undefined;
  try {
    const started = performance.now();
    const op = sampleBatchOp(BATCH_POLICIES[policy], n, createRng(seed));
    out = applyBatchOp(op, images, labels);
    // One number read back waits for the backend (webgl computes asynchronously) without timing the 3 MB readback.
    const done = tf.sum(out.images);
    await done.data().finally(() => done.dispose());
    const ms = performance.now() - started;
    const [pixels, weights] = await Promise.all([out.images.data<'float32'>(), out.labels.data<'float32'>()]);
    return { images: pixels, labels: weights, op, ms };
  } finally {
    tf.dispose([images, labels, ...(out ? [out.images, out.labels] : [])]);
  }
}
