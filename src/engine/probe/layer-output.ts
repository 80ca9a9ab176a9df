import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';
import { chainOf, indexOfLayer } from './layers.ts';

/**
 * The output of one named layer, by replaying the model's chain of layers from
 * the input up to and including that layer (inference mode: batch norm uses its
 * moving statistics; nothing after the layer runs). Differentiable, so a score
 * built on it can be climbed by gradient ascent.
 *
 * @param input one image [h, w, c] or a batch [n, h, w, c]
 * @returns [n, ...the layer's output shape], e.g. [n, h, w, k] or [n, k] after pooling; the caller owns it
 */
export function layerOutput(model: tfl.LayersModel, layerName: string, input: tf.Tensor3D | tf.Tensor4D): tf.Tensor {
  const layers = chainOf(model, 'layerOutput');
  const at = indexOfLayer(layers, layerName, 'layerOutput');
  const want = model.inputs[0]!.shape.slice(1);
  const got = input.rank === 3 ? input.shape : input.shape.slice(1);
  if (got.length !== 3 || want.some((d, i) => d != null && d !== got[i])) {
    throw badArgument('layerOutput', 'input', `[h, w, c] or [n, h, w, c] with image shape [${want}]`, `[${input.shape}]`);
  }
  return tf.tidy(() => {
    const batch = input.rank === 3 ? input.expandDims(0) : input;
    return layers.slice(0, at + 1).reduce((t, layer) => layer.apply(t) as tf.Tensor, batch as tf.Tensor);
  });
}

/** `layerOutput` of a layer that has feature maps, A = [n, h, w, k]; refuses any other layer. */
export function featureMaps(model: tfl.LayersModel, layerName: string, input: tf.Tensor3D | tf.Tensor4D): tf.Tensor4D {
  const layers = chainOf(model, 'featureMaps');
  const shape = layers[indexOfLayer(layers, layerName, 'featureMaps')]!.outputShape as (number | null)[];
  if (shape.length !== 4) throw badArgument('featureMaps', 'layerName', 'a layer with [n, h, w, k] output', `"${layerName}" with shape [${shape}]`);
  return layerOutput(model, layerName, input) as tf.Tensor4D;
}
