/**
 * The course's CNNs: VGG-style conv blocks, global average pooling, one dense
 * softmax layer. GAP + dense makes every model CAM-compatible: the class map is
 * M_c = sum_k w_k^c A^k over the features that feed the pooling (see camLayer).
 */
import * as tfl from '@tensorflow/tfjs-layers';

/** Everything that defines one trainable model. */
export interface ModelSpec {
  name: string;
  dataset: 'fashion-mnist' | 'glassbox-objects';
  inputShape: [number, number, number];
  /** Output channels per conv layer; 'pool' inserts a 2x2 max-pool. */
  layers: ReadonlyArray<number | 'pool'>;
  /** Stride of the first conv (2 halves the resolution early for 64x64 inputs). */
  firstStride: 1 | 2;
  /** Map inputs from [0, 1] to [-1, 1] inside the model (a Rescaling layer). */
  centerInput: boolean;
  /**
   * Batch-normalise the last conv only. In tfjs's wasm backend batch-norm
   * gradients cost more than the convs, so one BN before the pooling buys most
   * of its faster convergence at a fraction of the cost.
   */
  normalizeLast: boolean;
  classes: number;
  seed: number;
  epochs: number;
  /** Samples per epoch (fashion: the full training set). */
  samplesPerEpoch: number;
  batchSize: number;
  /** Adam step size in epoch 0. */
  learningRate: number;
  /**
   * Learning-rate factor per epoch (epoch e uses learningRate * lrDecay^e). It
   * does not depend on the epoch count, so a run resumed with more epochs
   * matches a fresh run with that many.
   */
  lrDecay: number;
}

export const SPECS: Record<string, ModelSpec> = {
  'fashion-cnn': {
    name: 'fashion-cnn', dataset: 'fashion-mnist', inputShape: [28, 28, 1],
    layers: [16, 32, 'pool', 48, 64, 'pool', 80], firstStride: 1, centerInput: false, normalizeLast: false,
    classes: 10, seed: 1, epochs: 4, samplesPerEpoch: 60000, batchSize: 64, learningRate: 2e-3, lrDecay: 0.5,
  },
  'objects-cnn': {
    name: 'objects-cnn', dataset: 'glassbox-objects', inputShape: [64, 64, 3],
    layers: [16, 'pool', 32, 48, 64], firstStride: 2, centerInput: true, normalizeLast: true,
    classes: 10, seed: 2, epochs: 10, samplesPerEpoch: 12800, batchSize: 64, learningRate: 3e-3, lrDecay: 0.8,
  },
  'objects-cnn-b': {
    name: 'objects-cnn-b', dataset: 'glassbox-objects', inputShape: [64, 64, 3],
    layers: [12, 'pool', 24, 32, 48], firstStride: 2, centerInput: true, normalizeLast: true,
    classes: 10, seed: 3, epochs: 6, samplesPerEpoch: 12800, batchSize: 64, learningRate: 3e-3, lrDecay: 0.6,
  },
};

/**
 * Name of the layer whose output feeds global average pooling, i.e. the CAM
 * features: the last conv itself (ReLU built in), or the ReLU after its
 * batch-norm.
 */
export const camLayer = (spec: ModelSpec): string => (spec.normalizeLast ? 'last_relu' : 'last_conv');

/** Builds the uncompiled model for a spec; weights are seeded by spec.seed. */
export function buildModel(spec: ModelSpec): tfl.LayersModel {
  const model = tfl.sequential({ name: spec.name });
  const input = { inputShape: spec.inputShape };
  if (spec.centerInput) model.add(tfl.layers.rescaling({ ...input, scale: 2, offset: -1, name: 'center' }));
  const convs = spec.layers.filter((l) => l !== 'pool').length;
  let conv = 0;
  spec.layers.forEach((layer, i) => {
    if (layer === 'pool') {
      model.add(tfl.layers.maxPooling2d({ poolSize: 2, name: `pool_${i}` }));
      return;
    }
    conv++;
    const last = conv === convs;
    const bn = last && spec.normalizeLast;
    model.add(tfl.layers.conv2d({
      ...(i === 0 && !spec.centerInput ? input : {}),
      filters: layer, kernelSize: 3, padding: 'same', strides: i === 0 ? spec.firstStride : 1,
      activation: bn ? 'linear' : 'relu', useBias: !bn,
      kernelInitializer: tfl.initializers.heNormal({ seed: spec.seed * 1000 + i }),
      name: last ? 'last_conv' : `conv_${i}`,
    }));
    if (bn) {
      model.add(tfl.layers.batchNormalization({ name: 'last_bn' }));
      model.add(tfl.layers.reLU({ name: camLayer(spec) }));
    }
  });
  model.add(tfl.layers.globalAveragePooling2d({ name: 'gap' }));
  model.add(tfl.layers.dense({
    units: spec.classes, activation: 'softmax', name: 'logits',
    kernelInitializer: tfl.initializers.glorotUniform({ seed: spec.seed * 1000 + 999 }),
  }));
  return model;
}
