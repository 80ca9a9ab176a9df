import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * A tiny fixed-weight CAM-compatible CNN for tests:
 * input [4, 4, 1] -> conv 3x3 'same', 2 filters, relu -> GAP -> dense 3, softmax.
 * `relu` picks how the ReLU is written, which guided backprop must treat alike.
 */
export function tinyCnn(relu: 'fused' | 'layer' | 'activation' = 'fused', softmax: 'fused' | 'layer' = 'fused'): tfl.LayersModel {
  const layers: tfl.layers.Layer[] = [
    tfl.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, padding: 'same', activation: relu === 'fused' ? 'relu' : 'linear', name: 'conv' }),
  ];
  if (relu === 'layer') layers.push(tfl.layers.reLU({ name: 'relu' }));
  if (relu === 'activation') layers.push(tfl.layers.activation({ activation: 'relu', name: 'relu' }));
  layers.push(tfl.layers.globalAveragePooling2d({ name: 'gap' }));
  layers.push(tfl.layers.dense({ units: 3, activation: softmax === 'fused' ? 'softmax' : 'linear', name: 'logits' }));
  if (softmax === 'layer') layers.push(tfl.layers.softmax({ name: 'probs' }));
  const model = tfl.sequential({ layers });
  // Filter 0 is a centre-weighted blob detector, filter 1 a vertical edge detector.
  const k0 = [0, 1, 0, 1, 2, 1, 0, 1, 0];
  const k1 = [1, 0, -1, 2, 0, -2, 1, 0, -1];
  const kernel = tf.tensor4d(k0.flatMap((v, i) => [v, k1[i]!]), [3, 3, 1, 2]);
  const bias = tf.tensor1d([-1, 0.5]);
  const dense = tf.tensor2d([[1, -1, 0.5], [-0.5, 2, 0.25]]); // [k = 2, classes = 3]
  const denseBias = tf.tensor1d([0.1, -0.2, 0]);
  model.getLayer('conv').setWeights([kernel, bias]);
  model.getLayer('logits').setWeights([dense, denseBias]);
  tf.dispose([kernel, bias, dense, denseBias]);
  return model;
}

/** Two fixed 4x4 test images, [2, 4, 4, 1]. */
export function tinyImages(): tf.Tensor4D {
  return tf.tensor4d(
    [
      [0, 1, 0, 0, 1, 3, 1, 0, 0, 1, 0, 0, 0, 0, 0, 2],
      [2, 0, 0, 1, 2, 0, 1, 0, 2, 0, 0, 3, 2, 0, 0, 1],
    ].flat(),
    [2, 4, 4, 1],
  );
}
