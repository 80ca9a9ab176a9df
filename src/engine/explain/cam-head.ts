import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { layerOutput } from '../probe/layer-output.ts';

/**
 * The CAM of every class as a function of the input: x [n, H, W, 3] ->
 * M [n, h', w', classes] = A W, with A the activations of `camLayer` (the
 * features the pooling reads) and W the kernel of the dense layer `logits`;
 * unscaled (call inside tf.tidy).
 */
export function camHead(model: tfl.LayersModel, camLayer: string): { classes: number; cams: (x: tf.Tensor4D) => tf.Tensor4D } {
  const kernel = model.getLayer('logits').getWeights()[0] as tf.Tensor2D;
  const classes = kernel.shape[1];
  return {
    classes,
    cams: (x) => {
      const a = layerOutput(model, camLayer, x) as tf.Tensor4D;
      const [n, h, w, k] = a.shape;
      return tf.reshape(tf.matMul(tf.reshape(a, [n * h * w, k]), kernel), [n, h, w, classes]);
    },
  };
}
