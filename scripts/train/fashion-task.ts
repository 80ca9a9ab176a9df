/** Fashion-MNIST wiring for scripts/train.ts: training source, validation and card metrics. */
import { readFileSync } from 'node:fs';
import { readFashion } from '../data/idx.ts';
import { FASHION_CLASSES } from '../../src/engine/shared/classes.ts';
import type { FashionSpriteIndex } from '../../src/engine/data/fashion.ts';
import { fashionBatch, fashionSource } from './fashion-source.ts';
import { accuracy } from '../../src/engine/train/evaluate.ts';
import type { ModelSpec } from '../../src/engine/train/specs.ts';
import { round4 } from './task.ts';
import type { Task } from './task.ts';

/** Trains on the 60,000 training images; reports accuracy on the 10,000 test images and the committed slice. */
export function fashionTask(spec: ModelSpec): Task {
  const test = readFashion('t10k');
  const all = fashionBatch(test.images, test.labels, Array.from({ length: test.count }, (_, i) => i));
  const slice = JSON.parse(readFileSync('public/data/fashion-test.json', 'utf8')) as FashionSpriteIndex;
  const sliceBatch = fashionBatch(test.images, test.labels, slice.testIndices);
  return {
    source: fashionSource(spec.seed, spec.batchSize),
    classes: FASHION_CLASSES,
    card: {
      dataset: 'Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), 28x28 grey, 10 classes',
      source: 'Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)',
      licence: 'MIT',
      licenceUrl: 'https://github.com/zalandoresearch/fashion-mnist/blob/master/LICENSE',
      training: 'all 60,000 training images, reshuffled every epoch, no augmentation',
      evaluation: 'the 10,000 test images (never trained on); sliceAccuracy on the 1,000 committed in public/data/fashion-test.png',
    },
    validate: async (m) => ({
      sliceAccuracy: round4(await accuracy(m, sliceBatch, spec.inputShape)),
      testAccuracy: round4(await accuracy(m, all, spec.inputShape)),
    }),
    metrics: async (m) => ({
      testAccuracy: round4(await accuracy(m, all, spec.inputShape)),
      testCount: all.n,
      sliceAccuracy: round4(await accuracy(m, sliceBatch, spec.inputShape)),
      sliceCount: sliceBatch.n,
    }),
  };
}
