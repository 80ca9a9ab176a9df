/**
 * Attention rollout (Abnar & Zuidema 2020) and its gradient-weighted form
 * (Chefer et al. 2021): how much each input token reaches a token, here the
 * CLS token, through every layer's attention and the residual path.
 *
 * Plain arrays, not tensors: a ViT of 64 patches has 65 x 65 attention
 * matrices, so a rollout through four layers is about a million
 * multiply-adds, and the discard step needs a
 * stable order of ties that a tensor top-k does not promise.
 */

/** One image's attention weights, every layer and head: A[l][h] is a row-stochastic tokens x tokens matrix (row: query, column: key), flat, row-major. */
export interface AttentionStack {
  layers: number;
  heads: number;
  tokens: number;
  /** [layers, heads, tokens, tokens]. */
  weights: Float32Array;
}

/** How the heads of a layer become one matrix: their mean (the paper), or their elementwise min or max (vit-explain's variants). */
export type HeadFusion = 'mean' | 'min' | 'max';

export interface RolloutOptions {
  fusion: HeadFusion;
  /** Share of each layer's fused entries (the smallest) set to zero before the residual is added, in [0, 1); 0 keeps them all. CLS-to-CLS is never dropped. */
  discard: number;
}

const check = (stack: AttentionStack, name: string) => {
  const { layers, heads, tokens, weights } = stack;
  if (weights.length !== layers * heads * tokens * tokens) {
    throw new RangeError(
      `${name}(stack): expected ${layers} x ${heads} x ${tokens} x ${tokens} = ${layers * heads * tokens * tokens} weights, got ${weights.length}`,
    );
  }
};

/** Layer `layer`'s heads fused into one tokens x tokens matrix. */
export function fuseHeads(stack: AttentionStack, layer: number, fusion: HeadFusion): Float64Array {
  check(stack, 'fuseHeads');
  const { heads, tokens, weights } = stack;
  const size = tokens * tokens;
  const out = new Float64Array(size).fill(fusion === 'min' ? Infinity : fusion === 'max' ? -Infinity : 0);
  for (let h = 0; h < heads; h++) {
    const base = (layer * heads + h) * size;
    for (let i = 0; i < size; i++) {
      const a = weights[base + i]!;
      out[i] = fusion === 'mean' ? out[i]! + a / heads : fusion === 'min' ? Math.min(out[i]!, a) : Math.max(out[i]!, a);
    }
  }
  return out;
}

/**
 * Sets the smallest `ratio` share of a fused matrix's entries to zero, in place
 * (ties: the earlier entry first), keeping entry 0 (CLS to CLS) as vit-explain does.
 */
export function discardSmallest(fused: Float64Array, ratio: number): Float64Array {
  if (!(ratio >= 0 && ratio < 1)) throw new RangeError(`discardSmallest(fused, ratio): expected a ratio in [0, 1), got ${ratio}`);
  const count = Math.floor(fused.length * ratio);
  const order = Array.from(fused.keys()).sort((a, b) => fused[a]! - fused[b]! || a - b);
  for (const i of order.slice(0, count)) if (i !== 0) fused[i] = 0;
  return fused;
}

/**
 * The residual step of rollout: A_hat = (A + I) / 2, each row then divided by
 * its sum (a row with zeros discarded no longer sums to 1 before this).
 */
export function withResidual(fused: Float64Array, tokens: number): Float64Array {
  const out = new Float64Array(fused.length);
  for (let i = 0; i < tokens; i++) {
    let sum = 0;
    for (let j = 0; j < tokens; j++) sum += out[i * tokens + j] = (fused[i * tokens + j]! + (i === j ? 1 : 0)) / 2;
    for (let j = 0; j < tokens; j++) out[i * tokens + j]! /= sum;
  }
  return out;
}

/** a b for tokens x tokens matrices. */
export function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += aik * b[k * n + j]!;
    }
  }
  return out;
}

/**
 * Attention rollout: R = A_hat^(L) ... A_hat^(2) A_hat^(1), each A_hat the
 * layer's heads fused, its smallest entries discarded, the residual added and
 * the rows renormalised (Abnar & Zuidema 2020, eq. for rollout; the paper
 * fuses by the mean and discards nothing).
 *
 * @returns R, tokens x tokens, rows summing to 1
 *
 * @equation attention-rollout
 */
export function attentionRollout(stack: AttentionStack, options: RolloutOptions): Float64Array {
  check(stack, 'attentionRollout');
  const { layers, tokens } = stack;
  let rollout = identity(tokens);
  for (let l = 0; l < layers; l++) {
    const fused = discardSmallest(fuseHeads(stack, l, options.fusion), options.discard);
    rollout = matMul(withResidual(fused, tokens), rollout, tokens);
  }
  return rollout;
}

/**
 * Gradient-weighted rollout (Chefer et al. 2021, ICCV, eqs. 5-6): each
 * head's attention times the class score's gradient, its positive part, then
 * the mean over heads, A_bar = E_h[(dy^c/dA ⊙ A)^+] (the positive part is
 * taken per head, as in the authors' code: a head's evidence against the
 * class does not cancel another's for it); then R <- R + A_bar R, from R = I
 * at the first layer.
 *
 * @param gradients dy^c / dA, shaped as the stack's weights
 * @returns R, tokens x tokens
 *
 * @equation gradient-rollout
 */
export function gradientRollout(stack: AttentionStack, gradients: Float32Array): Float64Array {
  check(stack, 'gradientRollout');
  const { layers, heads, tokens, weights } = stack;
  if (gradients.length !== weights.length)
    throw new RangeError(`gradientRollout(stack, gradients): expected ${weights.length} gradients, got ${gradients.length}`);
  const size = tokens * tokens;
  let rollout = identity(tokens);
  for (let l = 0; l < layers; l++) {
    const weighted = new Float64Array(size);
    for (let h = 0; h < heads; h++) {
      const base = (l * heads + h) * size;
      for (let i = 0; i < size; i++) weighted[i]! += Math.max(0, gradients[base + i]! * weights[base + i]!) / heads;
    }
    const step = matMul(weighted, rollout, tokens);
    for (let i = 0; i < size; i++) step[i]! += rollout[i]!;
    rollout = step;
  }
  return rollout;
}

/** The CLS token's row without its own column: one value per patch, in patch order (row-major over the patch grid). */
export function clsRow(rollout: Float64Array, tokens: number): Float64Array {
  return rollout.slice(1, tokens);
}

function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}
