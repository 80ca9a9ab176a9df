import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { attentionRollout, clsRow, gradientRollout, type AttentionStack, type HeadFusion } from '../explain/attention-rollout.ts';
import { attentionGradients, readAttention } from '../probe/attention.ts';
import { badArgument } from '../shared/errors.ts';
import { VIT_MODEL_ID } from '../shared/models.ts';
import { checkClass, imageTensor, resolveModel, type ModelSource } from './scene-input.ts';

export type { HeadFusion };

/** The course's Vision Transformer. */
export const VIT_MODEL = VIT_MODEL_ID;

/** One image through the ViT, read out for the attention lesson: every head's CLS attention, the rollout, the prediction. */
export interface AttentionView {
  layers: number;
  heads: number;
  /** Patches per side: the maps below are grid x grid, row-major. */
  grid: number;
  /** The CLS token's attention to each patch, per layer and head: [layers, heads, grid * grid] (its weight on itself left out). */
  cls: Float32Array;
  /** The CLS token's weight on itself, A_00, averaged over the heads, per layer. */
  clsSelf: Float64Array;
  /** The CLS row of attention rollout with the chosen fusion and discard ratio, [grid * grid]. */
  rollout: Float64Array;
  /** Softmax probabilities of every class. */
  probabilities: Float32Array;
}

/**
 * The ViT's attention on one image (side * side * 3 floats in [0, 1]) and its
 * rollout (Abnar & Zuidema 2020): one forward pass, one readback.
 */
export async function vitAttention(image: Float32Array, fusion: HeadFusion, discard: number, source: ModelSource = VIT_MODEL): Promise<AttentionView> {
  const model = await resolveModel(source);
  const x = tf.tidy(() => imageTensor(image, 'vitAttention').expandDims(0) as tf.Tensor4D);
  try {
    return await attentionView(model, x, fusion, discard);
  } finally {
    x.dispose();
  }
}

/** vitAttention on a model and a one-image batch x [1, H, W, 3] the caller keeps. */
export async function attentionView(model: LayersModel, x: tf.Tensor4D, fusion: HeadFusion, discard: number): Promise<AttentionView> {
  checkDiscard(discard);
  const read = readAttention(model, x);
  const [stack, probabilities] = await readStack(read.attention, [tf.softmax(read.logits)]);
  read.logits.dispose();
  return viewOf(stack, probabilities!, fusion, discard);
}

/**
 * One forward and backward pass read back once: the view vitAttention gives
 * and the gradient-weighted rollout of class c, from the same attention
 * weights. For the callers that want both (the explorer).
 */
export async function attentionAndGradients(
  model: LayersModel,
  x: tf.Tensor4D,
  classIndex: number,
  fusion: HeadFusion,
  discard: number,
): Promise<{ view: AttentionView; gradientRollout: Float64Array }> {
  checkDiscard(discard);
  checkClass('vitGradientRollout', model, classIndex);
  const read = attentionGradients(model, x, classIndex);
  const [stack, probabilities, gradients] = await readStack(read.attention, [tf.softmax(read.logits), tf.stack(read.gradients)]);
  tf.dispose([read.logits, ...read.gradients]);
  return { view: viewOf(stack, probabilities!, fusion, discard), gradientRollout: clsRow(gradientRollout(stack, gradients!), stack.tokens) };
}

function checkDiscard(discard: number): void {
  if (!(discard >= 0 && discard < 1)) throw badArgument('vitAttention', 'discard', 'a ratio in [0, 1)', discard);
}

/** The read-back attention as the view: every head's CLS row, the CLS self-weight per layer, the rollout, the probabilities. */
function viewOf(stack: AttentionStack, probabilities: Float32Array, fusion: HeadFusion, discard: number): AttentionView {
  const { layers, heads, tokens, weights } = stack;
  const cls = new Float32Array(layers * heads * (tokens - 1));
  const clsSelf = new Float64Array(layers);
  for (let m = 0; m < layers * heads; m++) {
    cls.set(weights.subarray(m * tokens * tokens + 1, m * tokens * tokens + tokens), m * (tokens - 1));
    clsSelf[Math.floor(m / heads)]! += weights[m * tokens * tokens]! / heads;
  }
  return {
    layers,
    heads,
    grid: Math.round(Math.sqrt(tokens - 1)),
    cls,
    clsSelf,
    rollout: clsRow(attentionRollout(stack, { fusion, discard }), tokens),
    probabilities,
  };
}

/**
 * The gradient-weighted rollout of class c on one image (Chefer et al. 2021):
 * a forward pass, the gradients of the class logit with respect to every
 * attention matrix, one readback. The CLS row, [grid * grid].
 */
export async function vitGradientRollout(image: Float32Array, classIndex: number, source: ModelSource = VIT_MODEL): Promise<Float64Array> {
  const model = await resolveModel(source);
  const x = tf.tidy(() => imageTensor(image, 'vitGradientRollout').expandDims(0) as tf.Tensor4D);
  try {
    return await gradientRolloutOf(model, x, classIndex);
  } finally {
    x.dispose();
  }
}

/** vitGradientRollout on a model and a one-image batch x [1, H, W, 3] the caller keeps. */
export async function gradientRolloutOf(model: LayersModel, x: tf.Tensor4D, classIndex: number): Promise<Float64Array> {
  checkClass('vitGradientRollout', model, classIndex);
  const read = attentionGradients(model, x, classIndex);
  const [stack, gradients] = await readStack(read.attention, [tf.stack(read.gradients)]);
  tf.dispose([read.logits, ...read.gradients]);
  return clsRow(gradientRollout(stack, gradients!), stack.tokens);
}

/** One image's per-block attention [1, heads, t, t] as a stack, with `extra` tensors read in the same round trip; disposes them all. */
async function readStack(blocks: tf.Tensor4D[], extra: tf.Tensor[]): Promise<[AttentionStack, ...Float32Array[]]> {
  const [, heads, tokens] = blocks[0]!.shape;
  const parts = [tf.stack(blocks), ...extra];
  const packed = tf.tidy(() => tf.concat(parts.map((p) => p.reshape([-1]))));
  tf.dispose([...blocks, ...parts]);
  const all = (await packed.data()) as Float32Array;
  packed.dispose();
  const size = blocks.length * heads * tokens * tokens;
  const rest: Float32Array[] = [];
  let at = size;
  for (const p of parts.slice(1)) {
    rest.push(all.slice(at, at + p.size));
    at += p.size;
  }
  return [{ layers: blocks.length, heads, tokens, weights: all.subarray(0, size) }, ...rest];
}
