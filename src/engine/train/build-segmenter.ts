import * as tfl from '@tensorflow/tfjs-layers';
import type { SegmenterSpec } from './segmenter-spec.ts';

/**
 * Builds the uncompiled segmenter for a spec: per level two 3 x 3 ReLU
 * convolutions (the first level's first one with stride 2), max-pooling
 * between levels; then per level back up, a 2x nearest upsampling, the
 * encoder's features of that level concatenated (the skip connection) and two
 * convolutions; a 1 x 1 convolution to the class scores, resized bilinearly
 * to the input and a softmax over the classes at every pixel. Weights are
 * seeded by spec.seed. The caller owns the model.
 */
export function buildSegmenter(spec: SegmenterSpec): tfl.LayersModel {
  let n = 0;
  const conv = (filters: number, name: string, strides = 1) =>
    tfl.layers.conv2d({
      filters,
      kernelSize: 3,
      padding: 'same',
      strides,
      activation: 'relu',
      kernelInitializer: tfl.initializers.heNormal({ seed: spec.seed * 1000 + n++ }),
      name,
    });
  const input = tfl.input({ shape: spec.inputShape, name: 'image' });
  let x = tfl.layers.rescaling({ scale: 2, offset: -1, name: 'center' }).apply(input) as tfl.SymbolicTensor;
  const skips: tfl.SymbolicTensor[] = [];
  spec.levels.forEach((filters, l) => {
    if (l > 0) x = tfl.layers.maxPooling2d({ poolSize: 2, name: `down${l}_pool` }).apply(x) as tfl.SymbolicTensor;
    x = conv(filters, `down${l}_a`, l === 0 ? 2 : 1).apply(x) as tfl.SymbolicTensor;
    x = conv(filters, `down${l}_b`).apply(x) as tfl.SymbolicTensor;
    skips.push(x);
  });
  for (let l = spec.levels.length - 2; l >= 0; l--) {
    x = tfl.layers.upSampling2d({ size: [2, 2], name: `up${l}_resize` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.concatenate({ name: `up${l}_skip` }).apply([x, skips[l]!]) as tfl.SymbolicTensor;
    x = conv(spec.levels[l]!, `up${l}_a`).apply(x) as tfl.SymbolicTensor;
    x = conv(spec.levels[l]!, `up${l}_b`).apply(x) as tfl.SymbolicTensor;
  }
  const scores = tfl.layers
    .conv2d({ filters: spec.classes, kernelSize: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: spec.seed * 1000 + 999 }), name: 'scores' })
    .apply(x) as tfl.SymbolicTensor;
  const full = tfl.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear', name: 'full_size' }).apply(scores) as tfl.SymbolicTensor;
  const probabilities = tfl.layers.softmax({ axis: -1, name: 'classes' }).apply(full) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: probabilities, name: spec.name });
}
