import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';

type Layer = tfl.LayersModel['layers'][number];

/**
 * Layer classes the probe can replay one after another. Types come from
 * `getClassName()` (what the saved model.json says), never from layer names,
 * which authors choose freely.
 */
const REPLAYABLE = new Set([
  'Rescaling', 'Conv2D', 'ReLU', 'Activation', 'MaxPooling2D', 'AveragePooling2D', 'BatchNormalization',
  'GlobalAveragePooling2D', 'GlobalMaxPooling2D', 'Flatten', 'Dropout', 'Dense', 'Softmax',
]);

/** What a layer does to the sign of the signal, which is all guided backprop needs to know. */
export type ReluRole =
  /** A ReLU on its own (a `ReLU` layer without a cap, or `Activation('relu')`). */
  | 'relu'
  /** A Conv2D or Dense whose `activation` is relu: linear part and ReLU in one layer. */
  | 'fused-relu'
  /** A capped ReLU (`ReLU` with maxValue): still masks negatives, so guided backprop gates it too. */
  | 'capped-relu'
  | 'none';

/** One layer of a conv net menu: name, class, output shape without the batch axis. */
export interface LayerInfo {
  name: string;
  className: string;
  /** Output shape per image, e.g. [h, w, k] for a conv layer. */
  outputShape: number[];
}

/** The activation a layer's config names ('relu', 'softmax', 'linear', ...), or undefined. */
export function activationName(layer: Layer): string | undefined {
  const activation = (layer.getConfig() as { activation?: unknown }).activation;
  return typeof activation === 'string' ? activation : undefined;
}

export function reluRole(layer: Layer): ReluRole {
  const cls = layer.getClassName();
  const act = activationName(layer);
  if (cls === 'ReLU') return (layer.getConfig() as { maxValue?: number | null }).maxValue == null ? 'relu' : 'capped-relu';
  if (cls === 'Activation') return act === 'relu' ? 'relu' : 'none';
  if ((cls === 'Conv2D' || cls === 'Dense') && act === 'relu') return 'fused-relu';
  return 'none';
}

/** True for a layer that only turns logits into probabilities (dropped by the probe). */
export function isSoftmaxOnly(layer: Layer): boolean {
  const cls = layer.getClassName();
  return cls === 'Softmax' || (cls === 'Activation' && activationName(layer) === 'softmax');
}

/**
 * The model's layers in execution order, without the InputLayer, after
 * checking that it is a single chain of layers the probe can replay.
 */
export function chainOf(model: tfl.LayersModel, fn: string): Layer[] {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw badArgument(fn, 'model', 'one input and one output', `${model.inputs.length} inputs, ${model.outputs.length} outputs`);
  }
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  layers.forEach((layer, i) => {
    const cls = layer.getClassName();
    if (!REPLAYABLE.has(cls)) {
      throw badArgument(fn, 'model', `layers of ${[...REPLAYABLE].join(', ')}`, cls, `layer "${layer.name}"; the probe replays sequential CNNs only`);
    }
    // A branch (skip connection, shared layer) would make replaying in order wrong, so refuse it.
    const inbound = layer.inboundNodes[0]?.inboundLayers ?? [];
    const prev = layers[i - 1];
    const chained = inbound.length === 1 && (prev ? inbound[0] === prev : inbound[0]!.getClassName() === 'InputLayer');
    if (!chained) throw badArgument(fn, 'model', 'a single chain of layers', `"${layer.name}" fed by ${inbound.length} layers out of order`);
  });
  return layers;
}

/** Index of a named layer in the chain, with the menu of names in the error. */
export function indexOfLayer(layers: Layer[], name: string, fn: string): number {
  const index = layers.findIndex((layer) => layer.name === name);
  if (index < 0) throw badArgument(fn, 'layerName', `one of ${layers.map((l) => l.name).join(', ')}`, name);
  return index;
}

/** Names of the model's layers in order (no InputLayer), for menus. */
export function layerNames(model: tfl.LayersModel): string[] {
  return chainOf(model, 'layerNames').map((layer) => layer.name);
}

/**
 * Layers whose output is a stack of feature maps [h, w, k]: what Grad-CAM and
 * the activation viewers can probe. Includes pooling and ReLU layers, because
 * a lesson may want "after the pool" as well as "the conv".
 */
export function featureMapLayers(model: tfl.LayersModel): LayerInfo[] {
  return chainOf(model, 'featureMapLayers')
    .map((layer) => ({ name: layer.name, className: layer.getClassName(), outputShape: (layer.outputShape as (number | null)[]).slice(1) as number[] }))
    .filter((info) => info.outputShape.length === 3);
}

/** Only the Conv2D layers, in order; the last one is the usual Grad-CAM target. */
export function convLayers(model: tfl.LayersModel): LayerInfo[] {
  return featureMapLayers(model).filter((info) => info.className === 'Conv2D');
}
