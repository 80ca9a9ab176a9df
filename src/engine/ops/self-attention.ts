import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';
import { matMul } from './mat-mul.ts';

/** A self-attention block's parameters: one projection to queries, keys and values, one back to the model's width. */
export interface AttentionWeights {
  /** W_qkv, [d, 3d]: columns 0..d-1 make the queries, d..2d-1 the keys, 2d..3d-1 the values. */
  qkvKernel: tf.Tensor2D;
  qkvBias: tf.Tensor1D;
  /** W_o, [d, d]. */
  outKernel: tf.Tensor2D;
  outBias: tf.Tensor1D;
}

/**
 * Multi-head self-attention (Vaswani et al. 2017, eqs. 1 and the multi-head
 * form; Dosovitskiy et al. 2021, eqs. 5-8), written with matrix products only
 * (the wasm backend has no einsum; mat-mul.ts for their gradient):
 *   [Q K V] = z W_qkv + b,   A_h = softmax(Q_h K_h^T / sqrt(d_h)),
 *   out = concat_h(A_h V_h) W_o + b_o,   d_h = d / heads.
 * `perturb`, when given, is added to A before it weighs the values: zeros that
 * change nothing, through which a gradient with respect to A is read.
 *
 * @param z tokens, [n, t, d]
 * @returns the block's output [n, t, d] and the weights A [n, heads, t, t] (rows sum to 1); the caller owns both
 *
 * @equation self-attention
 */
export function selfAttention(z: tf.Tensor3D, w: AttentionWeights, heads: number, perturb?: tf.Tensor4D): { output: tf.Tensor3D; attention: tf.Tensor4D } {
  const [n, t, d] = z.shape;
  if (!Number.isInteger(heads) || heads < 1 || d % heads !== 0) throw badArgument('selfAttention', 'heads', `a divisor of the width ${d}`, heads);
  const dh = d / heads;
  return tf.tidy(() => {
    // One projection per role from its columns of W_qkv: slicing the [d, 3d] weights is cheap, slicing the
    // [n t, 3d] activations (and its gradient) is not. Each role then goes [n * heads, t, dh], heads before tokens.
    const flat = z.reshape([n * t, d]) as tf.Tensor2D;
    const [q, k, v] = [0, 1, 2].map((role) => {
      const projected = matMul(flat, w.qkvKernel.slice([0, role * d], [d, d]) as tf.Tensor2D).add(w.qkvBias.slice([role * d], [d]));
      return projected
        .reshape([n, t, heads, dh])
        .transpose([0, 2, 1, 3])
        .reshape([n * heads, t, dh]) as tf.Tensor3D;
    });
    const scores = matMul(q!, k!.transpose([0, 2, 1])).div(Math.sqrt(dh));
    const attention = tf.softmax(scores).reshape([n, heads, t, t]) as tf.Tensor4D;
    const used = perturb ? attention.add(perturb) : attention;
    const mixed = matMul(used.reshape([n * heads, t, t]) as tf.Tensor3D, v!);
    const joined = mixed
      .reshape([n, heads, t, dh])
      .transpose([0, 2, 1, 3])
      .reshape([n * t, d]) as tf.Tensor2D;
    const output = matMul(joined, w.outKernel).add(w.outBias).reshape([n, t, d]) as tf.Tensor3D;
    return { output, attention };
  });
}
