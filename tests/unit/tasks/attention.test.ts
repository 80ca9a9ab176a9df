import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { attentionRollout, clsRow, gradientRollout } from '~/engine/explain/attention-rollout.ts';
import { attentionGradients } from '~/engine/probe/attention.ts';
import { vitAttention, vitGradientRollout } from '~/engine/tasks/attention.ts';
import { buildVit } from '~/engine/train/build-vit.ts';
import { images, TINY_VIT } from '../probe/tiny-vit.ts';

describe('the attention tasks', () => {
  const model = buildVit(TINY_VIT);
  afterAll(() => model.dispose());
  const near = (got: ArrayLike<number>, want: ArrayLike<number>) => Array.from(want).forEach((w, i) => expect(got[i]).toBeCloseTo(w, 6));

  it("read every head's CLS row and both rollouts of one image, as the engine functions compute them", async () => {
    const batch = images();
    const first = batch.slice([0], [1]) as tf.Tensor4D;
    const image = (await first.data()) as Float32Array;
    const view = await vitAttention(image, 'max', 0.5, model);
    const weighted = await vitGradientRollout(image, 2, model);
    expect([view.layers, view.heads, view.grid]).toEqual([2, 2, 4]);
    // The same numbers by the probe directly, read tensor by tensor.
    const r = attentionGradients(model, first, 2);
    const weights = Float32Array.from((await Promise.all(r.attention.map((a) => a.data()))).flatMap((a) => [...a]));
    const gradients = Float32Array.from((await Promise.all(r.gradients.map((a) => a.data()))).flatMap((a) => [...a]));
    const stack = { layers: 2, heads: 2, tokens: 17, weights };
    // Layer 1, head 0: row 0 of its 17 x 17 matrix without column 0.
    expect(Array.from(view.cls.subarray(2 * 16, 3 * 16))).toEqual(Array.from(weights.subarray(2 * 289 + 1, 2 * 289 + 17)));
    near(view.rollout, clsRow(attentionRollout(stack, { fusion: 'max', discard: 0.5 }), 17));
    // Layer 1's CLS weight on itself, over its two heads.
    expect(view.clsSelf[1]).toBeCloseTo((weights[2 * 289]! + weights[3 * 289]!) / 2, 6);
    near(weighted, clsRow(gradientRollout(stack, gradients), 17));
    near(view.probabilities, await (model.predict(first) as tf.Tensor).data());
    tf.dispose([batch, first, r.logits, ...r.attention, ...r.gradients]);
  });

  it('do not leak memory', async () => {
    const image = new Float32Array(16 * 16 * 3).fill(0.5);
    const run = () => Promise.all([vitAttention(image, 'mean', 0, model), vitGradientRollout(image, 1, model)]);
    await run();
    const before = tf.memory().numTensors;
    await run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse a discard ratio outside [0, 1) and a class the model lacks', async () => {
    await expect(vitAttention(new Float32Array(16 * 16 * 3), 'mean', 1, model)).rejects.toThrow('vitAttention(discard): expected a ratio in [0, 1), got 1');
    await expect(vitGradientRollout(new Float32Array(16 * 16 * 3), 3, model)).rejects.toThrow('vitGradientRollout(classIndex): expected an integer in [0, 3)');
  });
});
