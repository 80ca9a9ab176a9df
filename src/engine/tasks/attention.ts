import * as tf from '@tensorflow/tfjs-core';
import { attentionRollout, clsRow, gradientRollout, type HeadFusion } from '../explain/attention-rollout.ts';
import { attentionGradients } from '../probe/attention.ts';
import { badArgument } from '../shared/errors.ts';
import { checkClass, imageTensor, resolveModel, type ModelSource } from './scene-input.ts';

/** The course's Vision Transformer. */
export const VIT_MODEL = 'objects-vit';

/** One image through the ViT, read out for the attention lesson: every head's CLS attention, both rollouts, the prediction. */
export interface AttentionView {
  layers: number;
  heads: number;
  /** Patches per side: the maps below are grid x grid, row-major. */
  grid: number;
  /** The CLS token's attention to each patch, per layer and head: [layers, heads, grid * grid] (its weight on itself left out). */
  cls: Float32Array;
  /** The CLS row of attention rollout with the chosen fusion and discard ratio, [grid * grid]. */
  rollout: Float64Array;
  /** The CLS row of the gradient-weighted rollout for the class, [grid * grid]. */
  weighted: Float64Array;
  /** Softmax probabilities of every class. */
  probabilities: Float32Array;
}

/**
 * The ViT's attention on one image (side * side * 3 floats in [0, 1]), the
 * gradients of class c's logit with respect to it, and the two rollouts
 * (Abnar & Zuidema 2020; Chefer et al. 2021). One readback.
 */
export async function vitAttention(
  image: Float32Array,
  classIndex: number,
  fusion: HeadFusion,
  discard: number,
  source: ModelSource = VIT_MODEL,
): Promise<AttentionView> {
  const model = await resolveModel(source);
  checkClass('vitAttention', model, classIndex);
  if (!(discard >= 0 && discard < 1)) throw badArgument('vitAttention', 'discard', 'a ratio in [0, 1)', discard);
  const x = tf.tidy(() => imageTensor(image, 'vitAttention').expandDims(0) as tf.Tensor4D);
  const read = attentionGradients(model, x, classIndex);
  const [heads, tokens] = [read.attention[0]!.shape[1], read.attention[0]!.shape[2]];
  const packed = tf.tidy(() =>
    tf.concat([tf.stack(read.attention).reshape([-1]), tf.stack(read.gradients).reshape([-1]), tf.softmax(read.logits).reshape([-1])]),
  );
  tf.dispose([x, read.logits, ...read.attention, ...read.gradients]);
  const all = (await packed.data()) as Float32Array;
  packed.dispose();
  const layers = read.attention.length;
  const size = layers * heads * tokens * tokens;
  const stack = { layers, heads, tokens, weights: all.subarray(0, size) };
  const cls = new Float32Array(layers * heads * (tokens - 1));
  for (let m = 0; m < layers * heads; m++) cls.set(stack.weights.subarray(m * tokens * tokens + 1, m * tokens * tokens + tokens), m * (tokens - 1));
  return {
    layers,
    heads,
    grid: Math.round(Math.sqrt(tokens - 1)),
    cls,
    rollout: clsRow(attentionRollout(stack, { fusion, discard }), tokens),
    weighted: clsRow(gradientRollout(stack, all.subarray(size, 2 * size)), tokens),
    probabilities: all.slice(2 * size),
  };
}
