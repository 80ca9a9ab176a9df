/**
 * The layers a Vision Transformer needs that tfjs-layers 4.22 lacks or makes
 * slow: the CLS token with position embeddings, multi-head self-attention
 * (ops/self-attention.ts, which also returns the weights), layer
 * normalisation by broadcasting (tfjs-layers' own tiles its statistics and
 * parameters to the input's full shape, and the wasm backend's Tile made a
 * training step take seconds), the tokens' MLP as 2-D products through
 * ops/mat-mul.ts (a tfjs-layers Dense would take tfjs's own product gradient,
 * with the slow transposed products), and taking the CLS token out.
 * Registered for serialisation when this module loads, so loadLayersModel can
 * read a saved ViT once it has been imported.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { matMul } from '../ops/mat-mul.ts';
import { selfAttention } from '../ops/self-attention.ts';

type Shape = (number | null)[];
type Config = tf.serialization.ConfigDict;
type Weight = ReturnType<tfl.layers.Layer['addWeight']>;
const single = (inputs: tf.Tensor | tf.Tensor[]): tf.Tensor => (Array.isArray(inputs) ? inputs[0]! : inputs);

/** A kernel and a bias, for z W + b. */
interface Product {
  kernel: Weight;
  bias: Weight;
}

/** A layer whose initial weights derive from a seed in its config; most of them are products z W + b. */
abstract class SeededLayer extends tfl.layers.Layer {
  protected readonly seed: number;

  constructor(config: { name?: string; seed: number }) {
    super(config);
    this.seed = config.seed;
  }

  /** Adds an [inputs, outputs] kernel (Glorot-uniform from seed + offset) and a zero bias, under the two names given. */
  protected product([kernel, bias]: [string, string], inputs: number, outputs: number, offset: number): Product {
    return {
      kernel: this.addWeight(kernel, [inputs, outputs], 'float32', tfl.initializers.glorotUniform({ seed: this.seed + offset })),
      bias: this.addWeight(bias, [outputs], 'float32', tfl.initializers.zeros()),
    };
  }

  override getConfig(): Config {
    return { ...super.getConfig(), seed: this.seed };
  }
}

/**
 * Prepends a learned CLS token to the patch tokens and adds learned position
 * embeddings: z_0 = [x_class; x_p^1 E; ...; x_p^N E] + E_pos (Dosovitskiy et al. 2021, eq. 1; E is the patch convolution before this layer).
 *
 * @equation vit-tokens
 */
export class ClassToken extends SeededLayer {
  static className = 'GlassboxClassToken';
  private token!: Weight;
  private positions!: Weight;

  override build(inputShape: Shape | Shape[]): void {
    const [, t, d] = inputShape as number[];
    const init = (offset: number) => tfl.initializers.truncatedNormal({ stddev: 0.02, seed: this.seed + offset });
    this.token = this.addWeight('token', [1, 1, d!], 'float32', init(0));
    this.positions = this.addWeight('positions', [1, t! + 1, d!], 'float32', init(1));
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [n, t, d] = inputShape as Shape;
    return [n!, t! + 1, d!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      const token = tf.tile(this.token.read(), [x.shape[0]!, 1, 1]);
      return tf.concat([token, x], 1).add(this.positions.read());
    });
  }
}

/** Multi-head self-attention on [n, tokens, width] (ops/self-attention.ts); its weights are W_qkv, b_qkv, W_o, b_o. */
export class SelfAttention extends SeededLayer {
  static className = 'GlassboxSelfAttention';
  readonly heads: number;
  private qkv!: Product;
  private out!: Product;

  constructor(config: { name?: string; heads: number; seed: number }) {
    super(config);
    this.heads = config.heads;
  }

  override build(inputShape: Shape | Shape[]): void {
    const d = (inputShape as number[])[2]!;
    this.qkv = this.product(['qkv_kernel', 'qkv_bias'], d, 3 * d, 0);
    this.out = this.product(['out_kernel', 'out_bias'], d, d, 1);
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return inputShape as Shape;
  }

  /** The layer's output and its attention weights [n, heads, t, t]; `perturb` as in selfAttention. The caller owns both. */
  attend(z: tf.Tensor3D, perturb?: tf.Tensor4D): { output: tf.Tensor3D; attention: tf.Tensor4D } {
    const read = <T extends tf.Tensor>(v: Weight) => v.read() as T;
    const { qkv, out } = this;
    return selfAttention(
      z,
      { qkvKernel: read(qkv.kernel), qkvBias: read(qkv.bias), outKernel: read(out.kernel), outBias: read(out.bias) },
      this.heads,
      perturb,
    );
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => this.attend(single(inputs) as tf.Tensor3D).output);
  }

  override getConfig(): Config {
    return { ...super.getConfig(), heads: this.heads };
  }
}

/** Layer normalisation over the last axis: (z - mean) / sqrt(var + eps) * gamma + beta (Ba et al. 2016), by broadcasting. */
export class TokenNorm extends tfl.layers.Layer {
  static className = 'GlassboxTokenNorm';
  private static readonly EPSILON = 1e-6;
  private gamma!: Weight;
  private beta!: Weight;

  override build(inputShape: Shape | Shape[]): void {
    const d = (inputShape as number[]).at(-1)!;
    this.gamma = this.addWeight('gamma', [d], 'float32', tfl.initializers.ones());
    this.beta = this.addWeight('beta', [d], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return inputShape as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      const { mean, variance } = tf.moments(x, -1, true);
      return x
        .sub(mean)
        .mul(tf.rsqrt(variance.add(TokenNorm.EPSILON)))
        .mul(this.gamma.read())
        .add(this.beta.read());
    });
  }
}

/** Each token through the same two-layer MLP, max(0, z W_1 + b_1) W_2 + b_2, computed on [n tokens, width] at once. */
export class TokenMlp extends SeededLayer {
  static className = 'GlassboxTokenMlp';
  readonly hidden: number;
  private first!: Product;
  private second!: Product;

  constructor(config: { name?: string; hidden: number; seed: number }) {
    super(config);
    this.hidden = config.hidden;
  }

  override build(inputShape: Shape | Shape[]): void {
    const d = (inputShape as number[]).at(-1)!;
    this.first = this.product(['kernel1', 'bias1'], d, this.hidden, 0);
    this.second = this.product(['kernel2', 'bias2'], this.hidden, d, 1);
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return inputShape as Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const { first, second } = this;
    return tf.tidy(() => {
      const x = single(inputs);
      const d = x.shape.at(-1)!;
      const hidden = tf.relu(matMul(x.reshape([-1, d]) as tf.Tensor2D, first.kernel.read() as tf.Tensor2D).add(first.bias.read())) as tf.Tensor2D;
      return matMul(hidden, second.kernel.read() as tf.Tensor2D)
        .add(second.bias.read())
        .reshape(x.shape);
    });
  }

  override getConfig(): Config {
    return { ...super.getConfig(), hidden: this.hidden };
  }
}

/** The CLS token's final state, [n, tokens, width] -> [n, width]: what the classifier head reads. */
export class TakeClassToken extends tfl.layers.Layer {
  static className = 'GlassboxTakeClassToken';

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [n, , d] = inputShape as Shape;
    return [n!, d!];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      return x.slice([0, 0, 0], [x.shape[0]!, 1, x.shape[2]!]).reshape([x.shape[0]!, x.shape[2]!]);
    });
  }
}

for (const layer of [ClassToken, SelfAttention, TokenNorm, TokenMlp, TakeClassToken]) tf.serialization.registerClass(layer);
