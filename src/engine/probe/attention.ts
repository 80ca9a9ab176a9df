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
  const run = (name: string, x: tf.Tensor) => model.getLayer(name).apply(x) as tf.Tensor;
  return tf.tidy(() => {
    let z = ['center', 'patch_embed', 'patch_tokens', 'tokens'].reduce((x, name) => run(name, x), images as tf.Tensor) as tf.Tensor3D;
    const attention: tf.Tensor4D[] = [];
    for (let b = 0; b < depth; b++) {
      const block = (part: Parameters<typeof vitLayer.block>[1]) => vitLayer.block(b, part);
      const layer = model.getLayer(block('attention')) as SelfAttention;
      const { output, attention: weights } = layer.attend(run(block('norm1'), z) as tf.Tensor3D, perturb?.[b]);
      attention.push(weights);
      z = z.add(output);
      z = z.add(run(block('mlp'), run(block('norm2'), z)));
    }
    const cls = run('cls', run('final_norm', z)) as tf.Tensor2D;
    const [kernel, bias] = model.getLayer('logits').getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return { logits: tf.matMul(cls, kernel).add(bias) as tf.Tensor2D, attention };
  });
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
export function tokenGradients(model: tfl.LayersModel, images: tf.Tensor4D, classIndex: number): { tokens: tf.Tensor3D; gradients: tf.Tensor3D; logits: tf.Tensor2D } {
  const classes = (model.outputs[0]!.shape as number[]).at(-1)!;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)
    throw badArgument('tokenGradients', 'classIndex', `an integer in [0, ${classes})`, classIndex);
  const last = vitDepth(model) - 1;
  const run = (name: string, x: tf.Tensor) => model.getLayer(name).apply(x) as tf.Tensor;
  const block = (part: Parameters<typeof vitLayer.block>[1]) => vitLayer.block(last, part);
  return tf.tidy(() => {
    let z = ['center', 'patch_embed', 'patch_tokens', 'tokens'].reduce((x, name) => run(name, x), images as tf.Tensor) as tf.Tensor3D;
    for (let b = 0; b < last; b++) {
      const part = (name: Parameters<typeof vitLayer.block>[1]) => vitLayer.block(b, name);
      z = z.add(run(part('attention'), run(part('norm1'), z))) as tf.Tensor3D;
      z = z.add(run(part('mlp'), run(part('norm2'), z))) as tf.Tensor3D;
    }
    const tokens = run(block('norm1'), z) as tf.Tensor3D;
    const [kernel, bias] = model.getLayer('logits').getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const tail = (normed: tf.Tensor) => {
      const attended = z.add(run(block('attention'), normed));
      const out = attended.add(run(block('mlp'), run(block('norm2'), attended)));
      return tf.matMul(run('cls', run('final_norm', out)) as tf.Tensor2D, kernel).add(bias) as tf.Tensor2D;
    };
    const dy = tf.oneHot(tf.fill([images.shape[0]], classIndex, 'int32') as tf.Tensor1D, classes).toFloat() as tf.Tensor2D;
    const { value, grad } = tf.valueAndGrad(tail)(tokens, dy);
    return { tokens, gradients: grad as tf.Tensor3D, logits: value as tf.Tensor2D };
  });
}
