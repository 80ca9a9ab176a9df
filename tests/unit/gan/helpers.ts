import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildGenerator } from '~/engine/train/build-gan.ts';
import type { GanSpec } from '~/engine/train/gan-spec.ts';

/** A generator and discriminator small enough to train in a unit test. */
export const TINY_GAN: GanSpec = {
  name: 'tiny-gan',
  dataset: 'glassbox-objects',
  latent: 6,
  size: 32,
  generator: [8, 6, 4, 4],
  objectSize: [36, 56],
  backgrounds: 'plain',
  discriminator: [4, 4, 4],
  seed: 3,
  epochs: 1,
  samplesPerEpoch: 8,
  batchSize: 4,
  learningRate: 2e-4,
  beta1: 0.5,
};

/**
 * TINY_GAN's generator with every weight but batch norm's variances drawn
 * from N(0, 0.5): an untrained DCGAN draws a flat grey, which no label
 * changes on, so the edits in the tests would have nothing to move.
 */
export function tinyGenerator(): tfl.LayersModel {
  const generator = buildGenerator(TINY_GAN);
  const weights = generator.weights.map((w, i) =>
    w.name.includes('variance') ? w.read().clone() : tf.randomNormal(w.shape as number[], 0, 0.5, 'float32', i),
  );
  generator.setWeights(weights);
  tf.dispose(weights);
  return generator;
}

/** A stand-in segmenter with a real model's shape (64 x 64 RGB to 11 label probabilities per pixel): one seeded 1 x 1 convolution and a softmax. */
export function tinySegmenter(): tfl.LayersModel {
  const input = tfl.input({ shape: [64, 64, 3] });
  const scores = tfl.layers
    .conv2d({ filters: 11, kernelSize: 1, kernelInitializer: tfl.initializers.randomNormal({ stddev: 3, seed: 5 }) })
    .apply(input) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: tfl.layers.softmax({ axis: -1 }).apply(scores) as tfl.SymbolicTensor });
}

/** Bilinear resize of one map (h x h) to side x side with half-pixel centres, written out (TensorFlow's resize_bilinear with half_pixel_centers). */
export function resizeMap(map: ArrayLike<number>, h: number, side: number): Float64Array {
  const out = new Float64Array(side * side);
  const at = (y: number, x: number) => map[Math.min(h - 1, Math.max(0, y)) * h + Math.min(h - 1, Math.max(0, x))]!;
  const scale = h / side;
  for (let y = 0; y < side; y++) {
    const sy = Math.max(0, (y + 0.5) * scale - 0.5);
    const y0 = Math.floor(sy);
    for (let x = 0; x < side; x++) {
      const sx = Math.max(0, (x + 0.5) * scale - 0.5);
      const x0 = Math.floor(sx);
      const [fy, fx] = [sy - y0, sx - x0];
      const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
      const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
      out[y * side + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
