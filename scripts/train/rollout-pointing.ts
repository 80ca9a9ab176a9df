/**
 * Pointing game for a ViT (objects-vit's card), the protocol of the CNN cards
 * (pointing.ts: each object of the card's 2-3-object scenes against its own
 * class's map, on the exact mask and within POINTING_TOLERANCE pixels), with
 * the map the gradient-weighted attention rollout of that class (Chefer et
 * al. 2021): the CLS row of R over the 8 x 8 patches, upsampled bilinearly
 * (half-pixel centres) to the image. Class-agnostic rollout scores too: one
 * map per scene, the same for every object in it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { attentionRollout, clsRow, gradientRollout, type AttentionStack } from '../../src/engine/explain/attention-rollout.ts';
import type { Scene } from '../../src/engine/data/objects.ts';
import { attentionGradients, readAttention } from '../../src/engine/probe/attention.ts';
import { PointingTally, type PointingScores } from './pointing.ts';

/** One image's stack from per-block [1, heads, t, t] tensors. */
async function stackOf(blocks: tf.Tensor4D[]): Promise<{ stack: AttentionStack; flat: Float32Array }> {
  const [, heads, tokens] = blocks[0]!.shape;
  const joined = tf.concat(blocks, 0);
  const flat = (await joined.data()) as Float32Array;
  joined.dispose();
  return { stack: { layers: blocks.length, heads, tokens, weights: flat }, flat };
}

/** A patch-grid map (CLS row) as an image-sized tensor [size, size]. */
function toImage(row: Float64Array, size: number): tf.Tensor2D {
  const side = Math.round(Math.sqrt(row.length));
  return tf.tidy(() => tf.image.resizeBilinear(tf.tensor3d(Float32Array.from(row), [side, side, 1]), [size, size], false, true).squeeze([2]) as tf.Tensor2D);
}

export async function rolloutPointingGame(model: tfl.LayersModel, scenes: Scene[]): Promise<PointingScores & { rollout: PointingScores }> {
  const classes = (model.outputs[0]!.shape as number[]).at(-1)!;
  const [weighted, plain] = [new PointingTally(classes), new PointingTally(classes)];
  for (const scene of scenes) {
    const x = tf.tensor4d(scene.image, [1, scene.size, scene.size, 3]);
    const read = readAttention(model, x);
    const { stack } = await stackOf(read.attention);
    const agnostic = toImage(clsRow(attentionRollout(stack, { fusion: 'mean', discard: 0 }), stack.tokens), scene.size);
    tf.dispose([read.logits, ...read.attention]);
    for (const object of scene.objects) {
      const r = attentionGradients(model, x, object.classIndex);
      const [{ stack: s }, { flat: g }] = [await stackOf(r.attention), await stackOf(r.gradients)];
      const map = toImage(clsRow(gradientRollout(s, g), s.tokens), scene.size);
      await weighted.add(map, object);
      await plain.add(agnostic, object);
      tf.dispose([map, r.logits, ...r.attention, ...r.gradients]);
    }
    tf.dispose([x, agnostic]);
  }
  return { ...weighted.scores(), rollout: plain.scores() };
}
