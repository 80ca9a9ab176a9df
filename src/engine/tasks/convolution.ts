import * as tf from '@tensorflow/tfjs-core';
import { conv2d, type ConvOptions } from '../ops/conv2d.ts';
import { maxPool, type PoolOptions } from '../ops/max-pool.ts';
import { relu } from '../ops/relu.ts';
import { toGray, type Pixels } from '../tensor/pixels.ts';
import { readMaps, type MapView } from './read-maps.ts';

export type Kernel = readonly (readonly number[])[];

/** The convolution explorer's computation: the grey input X and the feature map Y. */
export async function featureMap(pixels: Pixels, kernel: Kernel, options: ConvOptions): Promise<{ input: MapView; output: MapView }> {
  const maps = tf.tidy(() => {
    const x = toGray(pixels);
    return [x, conv2d(x, kernel, options)];
  });
  const [input, output] = await readMaps(maps);
  return { input: input!, output: output! };
}

/** The pooling lab's computation: Y, ReLU(Y), and max pooling of ReLU(Y). */
export async function reluPool(
  pixels: Pixels,
  kernel: Kernel,
  conv: ConvOptions,
  pool: PoolOptions,
): Promise<{ feature: MapView; rectified: MapView; pooled: MapView }> {
  const maps = tf.tidy(() => {
    const y = conv2d(toGray(pixels), kernel, conv);
    const r = relu(y);
    return [y, r, maxPool(r, pool)];
  });
  const [feature, rectified, pooled] = await readMaps(maps);
  return { feature: feature!, rectified: rectified!, pooled: pooled! };
}

/** The shape TensorFlow.js itself gives a convolution of an N x N input: the shapes calculator's cross-check. */
export async function convolvedShape(n: number, options: ConvOptions & { k: number }): Promise<[number, number]> {
  const kernel = Array.from({ length: options.k }, () => new Array<number>(options.k).fill(0));
  const y = tf.tidy(() => conv2d(tf.zeros([n, n]) as tf.Tensor2D, kernel, options));
  const shape = y.shape;
  y.dispose();
  return shape;
}
