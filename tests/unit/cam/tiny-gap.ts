import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * A tiny fixed-weight model built like objects-cnn: [8, 8, 3] in [0, 1] ->
 * Rescaling to [-1, 1] -> conv (relu) -> 2x2 max pool -> last_conv (linear, no
 * bias) -> batch norm -> ReLU 'last_relu' -> GAP -> dense 3 (softmax).
 * Weights follow formulas, so every run sees the same model.
 */
export function tinyGapCnn(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.rescaling({ inputShape: [8, 8, 3], scale: 2, offset: -1, name: 'center' }),
      tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv_0' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool_1' }),
      tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', activation: 'linear', useBias: false, name: 'last_conv' }),
      tfl.layers.batchNormalization({ name: 'last_bn' }),
      tfl.layers.reLU({ name: 'last_relu' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'logits' }),
    ],
  });
  const wave = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => Math.sin(a * i + b));
  const set = (name: string, shapes: number[][], seeds: [number, number][]) => {
    const weights = shapes.map((shape, i) => tf.tensor(wave(shape.reduce((p, d) => p * d, 1), ...seeds[i]!), shape));
    model.getLayer(name).setWeights(weights);
    tf.dispose(weights);
  };
  set('conv_0', [[3, 3, 3, 4], [4]], [[1.3, 0.2], [0.7, 0.1]]);
  set('last_conv', [[3, 3, 4, 5]], [[0.9, 0.4]]);
  const bn = [tf.tensor1d([1.2, 0.8, 1, 1.5, 0.6]), tf.tensor1d([0.1, -0.2, 0.3, 0, 0.2]), tf.tensor1d([0.05, -0.1, 0, 0.2, -0.05]), tf.tensor1d([0.5, 1, 2, 0.8, 1.2])];
  model.getLayer('last_bn').setWeights(bn);
  tf.dispose(bn);
  set('logits', [[5, 3], [3]], [[2.3, 0.5], [1.1, 0]]);
  return model;
}

/** A fixed 8 x 8 RGB image in [0, 1] with a bright square in the top-left quarter. */
export function tinyImage(): Float32Array {
  return Float32Array.from({ length: 8 * 8 * 3 }, (_, k) => {
    const p = Math.floor(k / 3);
    const [i, j, c] = [Math.floor(p / 8), p % 8, k % 3];
    return i < 4 && j < 4 ? 0.9 - 0.2 * c : 0.15 + 0.1 * ((i * 3 + j + c) % 4);
  });
}

/** Six 8x8 RGB images in [0, 1] for the listings that search a set: the bright square of tinyImage moved to a new corner and dimmed a little each time, [6, 8, 8, 3] row-major. */
export function tinyImages(): Float32Array {
  return Float32Array.from({ length: 6 * 8 * 8 * 3 }, (_, k) => {
    const [n, p, c] = [Math.floor(k / 192), Math.floor(k / 3) % 64, k % 3];
    const [i, j] = [Math.floor(p / 8), p % 8];
    const [top, left] = [(n % 3) * 2, (n >> 1) * 2];
    return i >= top && i < top + 4 && j >= left && j < left + 4 ? 0.9 - 0.2 * c - 0.05 * n : 0.15 + 0.1 * ((i * 3 + j + c + n) % 4);
  });
}

/**
 * `tinyGapCnn` written out with core ops from its weights, its ReLU passed in
 * (guided backpropagation swaps it): `mapsWith` gives the maps at last_relu,
 * `head` takes them to the logits (global average pooling, then the dense layer
 * without its softmax).
 */
export function tinyGapWrittenOut(model: tfl.LayersModel) {
  const weights = (name: string) => model.getLayer(name).getWeights();
  const [k0, b0] = weights('conv_0');
  const [k1] = weights('last_conv');
  const [gamma, beta, mean, variance] = weights('last_bn');
  const [kernel, bias] = weights('logits');
  const mapsWith = (x: tf.Tensor4D, relu: (t: tf.Tensor) => tf.Tensor): tf.Tensor4D => {
    const h = relu(tf.conv2d(x.mul(2).sub(1) as tf.Tensor4D, k0 as tf.Tensor4D, 1, 'same').add(b0!)) as tf.Tensor4D;
    const maps = tf.conv2d(tf.maxPool(h, 2, 2, 'valid'), k1 as tf.Tensor4D, 1, 'same');
    return relu(tf.batchNorm(maps, mean!, variance!, beta!, gamma!, 1e-3)) as tf.Tensor4D;
  };
  const head = (a: tf.Tensor4D): tf.Tensor2D => a.mean([1, 2]).matMul(kernel as tf.Tensor2D).add(bias!) as tf.Tensor2D;
  return { mapsWith, head, weights: { k0, b0, k1, gamma, beta, mean, variance, kernel, bias } };
}
