import * as tfl from '@tensorflow/tfjs-layers';
import type { GanSpec } from './gan-spec.ts';
import { generatorBlock } from './gan-spec.ts';

type Sym = tfl.SymbolicTensor;

/**
 * Builds the uncompiled generator: z -> dense projection to 4 x 4 x C0,
 * batch norm, ReLU; then per level a 2x nearest upsampling, a 3 x 3
 * convolution, batch norm and a ReLU (the layer `block<level>`, whose
 * channels are the units GAN dissection reads); a 3 x 3 convolution to RGB,
 * tanh, and a rescaling to [0, 1] pixels. Weights are seeded by spec.seed.
 */
export function buildGenerator(spec: GanSpec): tfl.LayersModel {
  let n = 0;
  const init = () => tfl.initializers.randomNormal({ mean: 0, stddev: 0.02, seed: spec.seed * 1000 + n++ });
  const [c0, ...levels] = spec.generator;
  const z = tfl.input({ shape: [spec.latent], name: 'z' });
  let x = tfl.layers.dense({ units: 4 * 4 * c0, useBias: false, kernelInitializer: init(), name: 'project' }).apply(z) as Sym;
  x = tfl.layers.reshape({ targetShape: [4, 4, c0], name: 'grid' }).apply(x) as Sym;
  x = tfl.layers.batchNormalization({ name: 'project_bn' }).apply(x) as Sym;
  x = tfl.layers.reLU({ name: generatorBlock(0) }).apply(x) as Sym;
  levels.forEach((filters, i) => {
    const l = i + 1;
    x = tfl.layers.upSampling2d({ size: [2, 2], name: `up${l}` }).apply(x) as Sym;
    x = tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: init(), name: `conv${l}` }).apply(x) as Sym;
    x = tfl.layers.batchNormalization({ name: `bn${l}` }).apply(x) as Sym;
    x = tfl.layers.reLU({ name: generatorBlock(l) }).apply(x) as Sym;
  });
  x = tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'tanh', kernelInitializer: init(), name: 'rgb' }).apply(x) as Sym;
  const image = tfl.layers.rescaling({ scale: 0.5, offset: 0.5, name: 'image' }).apply(x) as Sym;
  return tfl.model({ inputs: z, outputs: image, name: `${spec.name}-generator` });
}

/**
 * Builds the uncompiled discriminator: [0, 1] pixels to [-1, 1]; per level a
 * 3 x 3 convolution, a leaky ReLU (slope 0.2) and 2 x 2 average pooling;
 * one dense logit (real > 0 > fake). No batch norm, so a real and a fake
 * batch never share statistics.
 */
export function buildDiscriminator(spec: GanSpec): tfl.LayersModel {
  let n = 500;
  // Glorot, not DCGAN's N(0, 0.02): without batch norm to rescale them, such small weights leave the logit near 0 and the discriminator at chance.
  const init = () => tfl.initializers.glorotUniform({ seed: spec.seed * 1000 + n++ });
  const input = tfl.input({ shape: [spec.size, spec.size, 3], name: 'image' });
  let x = tfl.layers.rescaling({ scale: 2, offset: -1, name: 'center' }).apply(input) as Sym;
  spec.discriminator.forEach((filters, l) => {
    x = tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'same', kernelInitializer: init(), name: `d_conv${l}` }).apply(x) as Sym;
    x = tfl.layers.leakyReLU({ alpha: 0.2, name: `d_relu${l}` }).apply(x) as Sym;
    x = tfl.layers.averagePooling2d({ poolSize: 2, name: `d_pool${l}` }).apply(x) as Sym;
  });
  x = tfl.layers.flatten({ name: 'd_flat' }).apply(x) as Sym;
  const logit = tfl.layers.dense({ units: 1, kernelInitializer: init(), name: 'logit' }).apply(x) as Sym;
  return tfl.model({ inputs: input, outputs: logit, name: `${spec.name}-discriminator` });
}
