import * as tfl from '@tensorflow/tfjs-layers';
import { camLayer, type ModelSpec } from './specs.ts';

/**
 * Builds the uncompiled model for a spec; weights are seeded by spec.seed, so
 * the same spec always starts from the same weights. The caller owns the model.
 */
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
