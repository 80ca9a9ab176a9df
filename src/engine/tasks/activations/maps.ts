import * as tf from '@tensorflow/tfjs-core';
import type { LayerInfo } from '../../probe/layers.ts';
import { fieldsAfter, type FieldGeometry } from '../../probe/receptive-field.ts';
import { badArgument } from '../../shared/errors.ts';
import { imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { layerGeometry } from '../../probe/layer-geometry.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import { activationLayerChoices } from './layer-choices.ts';

/** One colour bound for all channels of the layer, or one per channel. */
export type MapScale = 'shared' | 'channel';

/** Every channel of one layer for one image, as the activation grid draws it. */
export interface ActivationMaps {
  layer: LayerInfo;
  /** K, h, w. */
  channels: number;
  height: number;
  width: number;
  /** A^k(i, j) at [k * h * w + i * w + j]. */
  values: Float32Array;
  /** RGBA bytes, same order, 4 per value. */
  rgba: Uint8ClampedArray;
  scale: MapScale;
  /** True when some value is negative (a linear conv or batch norm): colours are then diverging about 0. */
  signed: boolean;
  /** The colour bound of each channel: grey 0..bound, or diverging -bound..bound. */
  bounds: Float32Array;
  /** max_{i,j} A^k and mean_{i,j} A^k, per channel. */
  maxima: Float32Array;
  means: Float32Array;
  /** Receptive field of the layer's units in input pixels. */
  field: FieldGeometry;
}

/** The layers the activation widgets offer: every feature-map layer but the input rescaling. */
export async function activationLayers(source: ModelSource = SALIENCY_MODEL): Promise<LayerInfo[]> {
  return activationLayerChoices(await resolveModel(source));
}

/**
 * Every channel's activation map A^k at one layer for one image. For a
 * convolutional layer with a ReLU (Zeiler & Fergus 2014, Sec. 2), channel k is
 *   A^k_{i,j} = max(0, b^k + sum_c sum_{u,v} W^k_{u,v,c} A^{prev}_{c, s i + u - p, s j + v - p}),
 * where A^prev is the layer's input (for the first layer the rescaled image
 * x' = 2x - 1) and positions outside it count as 0. Pooling, batch-norm and
 * ReLU layers are replayed as the model defines them. Colours: grey from 0 to
 * the bound (black = 0), or, when a value is negative, diverging about 0.
 *
 * @equation conv-activation
 * @param image side * side * 3 floats in [0, 1]
 * @param scale 'shared': one bound max_k max_ij |A^k| for all; 'channel': max_ij |A^k| for each
 */
export async function activationMaps(image: Float32Array, layerName: string, scale: MapScale = 'channel', source: ModelSource = SALIENCY_MODEL): Promise<ActivationMaps> {
  const model = await resolveModel(source);
  const layer = activationLayerChoices(model).find((l) => l.name === layerName);
  if (!layer) throw badArgument('activationMaps', 'layerName', `one of ${activationLayerChoices(model).map((l) => l.name).join(', ')}`, layerName);
  if (scale !== 'shared' && scale !== 'channel') throw badArgument('activationMaps', 'scale', "'shared' or 'channel'", scale);
  const [height, width, channels] = layer.outputShape as [number, number, number];
  const t = tf.tidy(() => {
    const a = featureMaps(model, layerName, imageTensor(image, 'activationMaps')).squeeze([0]).transpose([2, 0, 1]) as tf.Tensor3D; // [K, h, w]
    const magnitude = a.abs().max([1, 2]) as tf.Tensor1D;
    const bounds = (scale === 'shared' ? tf.fill([channels], 1).mul(magnitude.max()) : magnitude).maximum(1e-12) as tf.Tensor1D;
    const signed = a.min().less(0);
    const rgba = channelColours(a, bounds, signed);
    return [a, rgba, bounds, a.max([1, 2]), a.mean([1, 2]), signed.toFloat().reshape([1])];
  });
  try {
    const [values, rgba, bounds, maxima, means, signed] = await Promise.all(t.map((x) => x.data()));
    return {
      layer,
      channels,
      height,
      width,
      values: values as Float32Array,
      rgba: Uint8ClampedArray.from(rgba!),
      scale,
      signed: signed![0] === 1,
      bounds: bounds as Float32Array,
      maxima: maxima as Float32Array,
      means: means as Float32Array,
      field: fieldsAfter(layerGeometry(model, layerName)).at(-1)!,
    };
  } finally {
    tf.dispose(t);
  }
}

/** Grey a / bound (no negatives anywhere) or blue-white-red about 0; RGBA int32 [K, h, w, 4]. */
function channelColours(a: tf.Tensor3D, bounds: tf.Tensor1D, signed: tf.Tensor): tf.Tensor4D {
  return tf.tidy(() => {
    const [k, h, w] = a.shape;
    const t = a.div(bounds.reshape([-1, 1, 1])).clipByValue(-1, 1).expandDims(3); // [K, h, w, 1]
    const grey = t.mul(255).tile([1, 1, 1, 3]);
    const negative = tf.tensor1d([33, 102, 172]);
    const middle = tf.tensor1d([247, 247, 247]);
    const positive = tf.tensor1d([178, 24, 43]);
    const diverging = tf.where(
      t.less(0).tile([1, 1, 1, 3]),
      middle.add(negative.sub(middle).mul(t.neg())),
      middle.add(positive.sub(middle).mul(t)),
    );
    const rgb = tf.where(signed.reshape([1, 1, 1, 1]).tile([k, h, w, 3]), diverging, grey);
    return tf.concat([rgb.round(), tf.fill([k, h, w, 1], 255)], 3).toInt() as tf.Tensor4D;
  });
}
