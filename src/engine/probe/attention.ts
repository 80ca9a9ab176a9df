import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';
import type { SelfAttention } from '../train/vit-layers.ts';
import { vitLayer } from '../train/vit-spec.ts';

/** A ViT's forward pass read out: the class logits and every block's attention weights. */
export interface AttentionReadout {
  /** y, pre-softmax, [n, classes]. */
  logits: tf.Tensor2D;
  /** One [n, heads, tokens, tokens] tensor per block, first block first; rows sum to 1. */
  attention: tf.Tensor4D[];
}

/** The encoder blocks of a model built by buildVit, counted by their attention layers. */
export function vitDepth(model: tfl.LayersModel): number {
  const depth = model.layers.filter((l) => l.getClassName() === 'GlassboxSelfAttention').length;
  if (depth === 0) throw badArgument('vitDepth', 'model', 'a ViT built by buildVit (GlassboxSelfAttention layers)', model.name);
  return depth;
}

/**
 * Replays a ViT (build-vit.ts) block by block on `images` [n, h, w, 3],
 * reading each block's attention weights on the way; `perturb[b]`, zeros
 * shaped like block b's weights, is added to them (see selfAttention), so
 * gradients with respect to the weights can be taken through it. The
 * logits are the classifier's before its softmax. The caller owns the result.
 *
 * @equation vit-block
 */
export function readAttention(model: tfl.LayersModel, images: tf.Tensor4D, perturb?: readonly tf.Tensor4D[]): AttentionReadout {
  const depth = vitDepth(model);
  return tf.tidy(() => {
    let z = embed(model, images);
    const attention: tf.Tensor4D[] = [];
    for (let b = 0; b < depth; b++) {
      const out = encoderBlock(model, b, z, undefined, perturb?.[b]);
      attention.push(out.attention);
      z = out.z;
    }
    return { logits: classLogits(model, z), attention };
  });
}

/** One of the ViT's layers, by name, applied to plain tensors. */
const run = (model: tfl.LayersModel, name: string, x: tf.Tensor): tf.Tensor => model.getLayer(name).apply(x) as tf.Tensor;

/** z_0: the image's patch tokens with the CLS token in front and the positions added, [n, tokens, width]. */
function embed(model: tfl.LayersModel, images: tf.Tensor4D): tf.Tensor3D {
  return ['center', 'patch_embed', 'patch_tokens', 'tokens'].reduce((x, name) => run(model, name, x), images as tf.Tensor) as tf.Tensor3D;
}

/**
 * Block b on the residual stream z: z' = z + MSA(normed), z'' = z' + MLP(LN(z')),
 * with normed = LN(z) unless given, and the block's attention weights.
 */
function encoderBlock(
  model: tfl.LayersModel,
  b: number,
  z: tf.Tensor3D,
  normed?: tf.Tensor3D,
  perturb?: tf.Tensor4D,
): { z: tf.Tensor3D; attention: tf.Tensor4D } {
  const part = (name: Parameters<typeof vitLayer.block>[1]) => vitLayer.block(b, name);
  const layer = model.getLayer(part('attention')) as SelfAttention;
  const { output, attention } = layer.attend(normed ?? (run(model, part('norm1'), z) as tf.Tensor3D), perturb);
  const attended = z.add(output);
  return { z: attended.add(run(model, part('mlp'), run(model, part('norm2'), attended))) as tf.Tensor3D, attention };
}

/** The classifier on the CLS token of the last tokens, before its softmax: y = LN(z^0) W + b. */
function classLogits(model: tfl.LayersModel, z: tf.Tensor3D): tf.Tensor2D {
  const cls = run(model, 'cls', run(model, 'final_norm', z)) as tf.Tensor2D;
  const [kernel, bias] = model.getLayer('logits').getWeights() as [tf.Tensor2D, tf.Tensor1D];
  return tf.matMul(cls, kernel).add(bias) as tf.Tensor2D;
}

/**
 * dy^c / dA for every block: the gradient of each image's class logit with
 * respect to the attention weights, each block's taken as a variable of its
 * own (through a zero perturbation), with the weights and logits of the same
 * forward pass (the zeros change none of them). The caller owns every tensor returned.
 */
export function attentionGradients(model: tfl.LayersModel, images: tf.Tensor4D, classIndex: number): AttentionReadout & { gradients: tf.Tensor4D[] } {
  const classes = (model.outputs[0]!.shape as number[]).at(-1)!;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)
    throw badArgument('attentionGradients', 'classIndex', `an integer in [0, ${classes})`, classIndex);
  const zeros = Array.from({ length: vitDepth(model) }, (_, b) => {
    const layer = model.getLayer(vitLayer.block(b, 'attention')) as SelfAttention;
    const tokens = (layer.outputShape as number[])[1]!;
    return tf.zeros([images.shape[0], layer.heads, tokens, tokens]) as tf.Tensor4D;
  });
  let read: AttentionReadout | undefined;
  try {
    const score = (...perturb: tf.Tensor[]) => {
      const { logits, attention } = readAttention(model, images, perturb as tf.Tensor4D[]);
      // Kept past the gradient's scope: the caller gets this pass's weights and logits.
      read = { logits: tf.keep(logits), attention: attention.map((a) => tf.keep(a)) };
      return logits.slice([0, classIndex], [logits.shape[0], 1]).sum();
    };
    const gradients = tf.grads(score)(zeros) as tf.Tensor4D[];
    return { ...read!, gradients };
  } finally {
    tf.dispose(zeros);
  }
}

/**
 * The input of the last block's attention, LN(z_{L-1}), and the gradient of
 * each image's class logit with respect to it: where Grad-CAM reads a ViT
 * (pytorch-grad-cam's choice of target layer). After the last block only the
 * CLS token reaches the classifier, so the patch tokens' gradients there are
 * zero; one block earlier they reach it through the last attention. The
 * residual stream z_{L-1} is held fixed. The caller owns all three tensors.
 *
 * @returns tokens and gradients [n, tokens, width], logits [n, classes]
 */
export function tokenGradients(
  model: tfl.LayersModel,
  images: tf.Tensor4D,
  classIndex: number,
): { tokens: tf.Tensor3D; gradients: tf.Tensor3D; logits: tf.Tensor2D } {
  const classes = (model.outputs[0]!.shape as number[]).at(-1)!;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)
    throw badArgument('tokenGradients', 'classIndex', `an integer in [0, ${classes})`, classIndex);
  const last = vitDepth(model) - 1;
  return tf.tidy(() => {
    let z = embed(model, images);
    for (let b = 0; b < last; b++) z = encoderBlock(model, b, z).z;
    const tokens = run(model, vitLayer.block(last, 'norm1'), z) as tf.Tensor3D;
    const tail = (normed: tf.Tensor) => classLogits(model, encoderBlock(model, last, z, normed as tf.Tensor3D).z);
    const dy = tf.oneHot(tf.fill([images.shape[0]], classIndex, 'int32') as tf.Tensor1D, classes).toFloat() as tf.Tensor2D;
    const { value, grad } = tf.valueAndGrad(tail)(tokens, dy);
    return { tokens, gradients: grad as tf.Tensor3D, logits: value as tf.Tensor2D };
  });
}
