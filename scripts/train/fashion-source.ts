/** Fashion-MNIST batches read from disk (Debian's dataset-fashion-mnist), for Node training only. */
import { readFashion } from '../data/idx.ts';
import { createRng, deriveSeed, permutation } from '../../src/engine/shared/rng.ts';
import type { Batch, DataSource } from '../../src/engine/train/source.ts';

/** The 28x28 byte images at `indices`, as floats in [0, 1], with their labels. */
export function fashionBatch(images: Uint8Array, labels: Uint8Array, indices: ArrayLike<number>): Batch {
  const n = indices.length;
  const x = new Float32Array(n * 784);
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    for (let p = 0; p < 784; p++) x[k * 784 + p] = images[i * 784 + p] / 255;
    y[k] = labels[i];
  }
  return { x, y, n };
}

/** Fashion-MNIST training split, reshuffled every epoch from (seed, epoch). */
export function fashionSource(seed: number, batchSize: number): DataSource {
  const train = readFashion('train');
  const stepsPerEpoch = Math.floor(train.count / batchSize);
  let order: Int32Array | null = null;
  let orderEpoch = -1;
  return {
    stepsPerEpoch,
    batch(epoch, step) {
      if (orderEpoch !== epoch) {
        order = permutation(train.count, createRng(deriveSeed(seed, epoch)));
        orderEpoch = epoch;
      }
      return fashionBatch(train.images, train.labels, order!.subarray(step * batchSize, (step + 1) * batchSize));
    },
  };
}
