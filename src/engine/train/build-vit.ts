import * as tfl from '@tensorflow/tfjs-layers';
import { ClassToken, SelfAttention, TakeClassToken, TokenMlp, TokenNorm } from './vit-layers.ts';
import { vitLayer, type VitSpec } from './vit-spec.ts';

/**
 * Builds the uncompiled ViT for a spec (pre-norm blocks, as in Dosovitskiy et
 * al. 2021, eqs. 2-4, with ReLU in the MLP where the paper has GELU); weights
 * are seeded by spec.seed. The caller owns the model.
 */
export function buildVit(spec: VitSpec): tfl.LayersModel {
  const { patch, width, depth, heads, mlp, inputShape, seed } = spec;
  const grid = (inputShape[0] / patch) * (inputShape[1] / patch);
  const init = (offset: number) => tfl.initializers.glorotUniform({ seed: seed * 1000 + offset });
  const input = tfl.input({ shape: inputShape, name: 'image' });
  const centred = tfl.layers.rescaling({ scale: 2, offset: -1, name: 'center' }).apply(input);
  // E: one linear map per patch, as a convolution whose stride is its size.
  const patches = tfl.layers.conv2d({ filters: width, kernelSize: patch, strides: patch, kernelInitializer: init(0), name: 'patch_embed' }).apply(centred);
  const tokens = tfl.layers.reshape({ targetShape: [grid, width], name: 'patch_tokens' }).apply(patches);
  let z = new ClassToken({ name: 'tokens', seed: seed * 1000 + 1 }).apply(tokens) as tfl.SymbolicTensor;
  for (let b = 0; b < depth; b++) {
    const at = (part: Parameters<typeof vitLayer.block>[1]) => vitLayer.block(b, part);
    const normed = new TokenNorm({ name: at('norm1') }).apply(z);
    const attended = new SelfAttention({ heads, seed: seed * 1000 + 10 * (b + 1), name: at('attention') }).apply(normed);
    z = tfl.layers.add({ name: at('add1') }).apply([z, attended as tfl.SymbolicTensor]) as tfl.SymbolicTensor;
    const normed2 = new TokenNorm({ name: at('norm2') }).apply(z);
    const back = new TokenMlp({ hidden: mlp, seed: seed * 1000 + 10 * (b + 1) + 2, name: at('mlp') }).apply(normed2);
    z = tfl.layers.add({ name: at('add2') }).apply([z, back as tfl.SymbolicTensor]) as tfl.SymbolicTensor;
  }
  const last = new TokenNorm({ name: 'final_norm' }).apply(z);
  const cls = new TakeClassToken({ name: 'cls' }).apply(last);
  const probs = tfl.layers.dense({ units: spec.classes, activation: 'softmax', kernelInitializer: init(999), name: 'logits' }).apply(cls) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: probs, name: spec.name });
}
