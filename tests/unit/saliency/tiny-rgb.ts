import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * A tiny fixed-weight RGB classifier shaped like the course's objects-cnn:
 * [side, side, 3] -> conv 3x3 'same', 4 filters, relu -> GAP -> dense 3, softmax.
 * Weights follow simple formulas, so every run sees the same model.
 */
export function tinyRgbCnn(side = 8): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [side, side, 3], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'logits' }),
    ],
  });
  const kernel = tf.tensor4d(Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => Math.sin(1.7 * i + 0.3)), [3, 3, 3, 4]);
  const bias = tf.tensor1d([0.1, -0.2, 0.05, 0]);
  const dense = tf.tensor2d(Array.from({ length: 12 }, (_, i) => Math.cos(2.3 * i)), [4, 3]);
  const denseBias = tf.tensor1d([0, 0.1, -0.1]);
  model.getLayer('conv').setWeights([kernel, bias]);
  model.getLayer('logits').setWeights([dense, denseBias]);
  tf.dispose([kernel, bias, dense, denseBias]);
  return model;
}

/** A fixed side x side x 3 image in [0, 1] with a bright square in it, as the tasks take it. */
export function tinyImage(side = 8): Float32Array {
  return Float32Array.from({ length: side * side * 3 }, (_, k) => {
    const p = Math.floor(k / 3);
    const [i, j, c] = [Math.floor(p / side), p % side, k % 3];
    const inside = i >= 2 && i < 5 && j >= 3 && j < 6;
    return inside ? 0.9 - 0.1 * c : 0.2 + 0.05 * ((i + j + c) % 3);
  });
}
