import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../../shared/errors.ts';
import { chainOf, featureMapLayers, type LayerInfo } from '../../probe/layers.ts';

type Layer = tfl.LayersModel['layers'][number];

/**
 * The layer whose output global average pooling averages: the features CAM
 * weighs (Zhou et al. 2016, Sec. 2). Found from the layer classes the saved
 * model declares (`getClassName`), never from names: the layer right before
 * the GlobalAveragePooling2D that feeds the final Dense.
 */
export function gapFeatureLayer(model: tfl.LayersModel): LayerInfo {
  const layers = chainOf(model, 'gapFeatureLayer');
  const gap = layers.findIndex((layer) => layer.getClassName() === 'GlobalAveragePooling2D');
  const before = layers[gap - 1];
  if (gap < 1 || !before || layers[gap + 1]?.getClassName() !== 'Dense') {
    throw badArgument('gapFeatureLayer', 'model', 'feature maps -> GlobalAveragePooling2D -> Dense', layers.map((l) => l.getClassName()).join(' -> '), 'CAM needs a GAP + dense head');
  }
  return info(before);
}

/**
 * The layers a Grad-CAM menu offers: every Conv2D, and the layer feeding the
 * pooling (which, after a batch norm, is a ReLU rather than a conv), in order.
 */
export function camLayerChoices(model: tfl.LayersModel): LayerInfo[] {
  const gap = gapFeatureLayer(model).name;
  return featureMapLayers(model).filter((layer) => layer.className === 'Conv2D' || layer.name === gap);
}

/** b_c, the final Dense layer's bias for class c, as a [1] tensor the caller owns (0 without a bias). */
export function classifierBias(model: tfl.LayersModel, classIndex: number): tf.Tensor1D {
  const layers = chainOf(model, 'classifierBias');
  const dense = layers[layers.findIndex((layer) => layer.getClassName() === 'GlobalAveragePooling2D') + 1]!;
  const [, bias] = dense.getWeights();
  return tf.tidy(() => (bias ? bias.slice([classIndex], [1]) : tf.zeros([1])) as tf.Tensor1D);
}

function info(layer: Layer): LayerInfo {
  return { name: layer.name, className: layer.getClassName(), outputShape: (layer.outputShape as (number | null)[]).slice(1) as number[] };
}
