import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * A tiny fixed-weight model with objects-cnn's geometry in miniature:
 * [12, 12, 3] -> Rescaling -> conv 3x3 stride 2 'same' (relu) -> 2x2 max pool ->
 * conv 3x3 'same' 'last_conv' -> ReLU -> GAP -> dense 2. Weights follow formulas.
 */
export function tinyStridedCnn(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.rescaling({ inputShape: [12, 12, 3], scale: 2, offset: -1, name: 'center' }),
      tfl.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv_0' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool_1' }),
      tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', name: 'last_conv' }),
      tfl.layers.reLU({ name: 'last_relu' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 2, name: 'logits' }),
    ],
  });
  const wave = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => Math.sin(a * i + b));
  for (const [name, shapes] of [['conv_0', [[3, 3, 3, 3], [3]]], ['last_conv', [[3, 3, 3, 4], [4]]], ['logits', [[4, 2], [2]]]] as const) {
    const weights = shapes.map((shape, i) => tf.tensor(wave(shape.reduce((p, d) => p * d, 1), 1.1 + i, 0.3 * i), [...shape]));
    model.getLayer(name).setWeights(weights);
    tf.dispose(weights);
  }
  return model;
}

/** `count` seeded 12 x 12 x 3 images in [0, 1] and classes 0/1, as a scan source. */
export function tinySource(count: number): { count: number; read: (start: number, n: number) => { x: Float32Array; y: Int32Array } } {
  const pixel = (image: number, p: number) => (Math.sin(image * 12.9898 + p * 78.233) * 43758.5453) % 1;
  return {
    count,
    read: (start, n) => ({
      x: Float32Array.from({ length: n * 432 }, (_, q) => Math.abs(pixel(start + Math.floor(q / 432), q % 432))),
      y: Int32Array.from({ length: n }, (_, i) => (start + i) % 2),
    }),
  };
}
