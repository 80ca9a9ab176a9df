import * as tf from '@tensorflow/tfjs-core';
import type { VitSpec } from '~/engine/train/vit-spec.ts';

/** objects-vit's layout at toy size: 16x16 images, patch 4 (16 tokens + CLS), width 8, two blocks of two heads. */
export const TINY_VIT: VitSpec = {
  name: 'tiny-vit',
  dataset: 'glassbox-objects',
  inputShape: [16, 16, 3],
  patch: 4,
  width: 8,
  depth: 2,
  heads: 2,
  mlp: 16,
  classes: 3,
  seed: 5,
  epochs: 1,
  samplesPerEpoch: 16,
  batchSize: 8,
  learningRate: 0.01,
  lrDecay: 1,
};

/** Two fixed 16x16 RGB images in [0, 1], [2, 16, 16, 3]; the caller owns them. */
export const images = (): tf.Tensor4D =>
  tf.tensor4d(
    Array.from({ length: 2 * 16 * 16 * 3 }, (_, i) => (Math.sin(i * 0.37) + 1) / 2),
    [2, 16, 16, 3],
  );
