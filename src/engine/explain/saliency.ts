import * as tf from '@tensorflow/tfjs-core';
import { badArgument, GlassboxError } from '../shared/errors.ts';
import { createGaussian, type Gaussian } from './rng.ts';

/**
 * Image-specific class saliency (Simonyan, Vedaldi & Zisserman 2014, Sec. 3.1):
 * with w = dS_c / dI (their eq. 3), the map takes the largest magnitude over
 * colour channels,
 *   M_ij = max_c |w_(i, j, c)|.
 *
 * @equation saliency-map
 * @param gradient w = dS_c/dI, [n, h, w, c] (from `inputGradient` or `smoothGrad`)
 * @returns M, [n, h, w], unscaled; the caller owns it
 */
export function vanillaSaliency(gradient: tf.Tensor4D): tf.Tensor3D {
  if (gradient.rank !== 4) throw badArgument('vanillaSaliency', 'gradient', 'a tensor [n, h, w, c]', `[${gradient.shape}]`);
  return tf.tidy(() => gradient.abs().max(3) as tf.Tensor3D);
}

/** Returns dS_c/dI for a (noisy) input of the shape it is given; the method never sees the model. */
export type GradientFn = (noisyInput: tf.Tensor) => Promise<tf.Tensor>;

export interface SmoothGradOptions {
  /** n, noisy copies to average (the paper finds gains flatten past about 50). */
  samples: number;
  /** Noise level as a fraction of each image's value range, sigma / (max - min); the paper suggests 0.1-0.2. */
  sigma: number;
  /** Seed of the noise: same seed, same map. */
  seed: number;
  /** Average squared gradients instead (the paper's Sec. 3 variant; PAIR saliency's `magnitude`). */
  magnitude?: boolean;
}

/**
 * SmoothGrad (Smilkov et al. 2017, Sec. 3): the average gradient over noisy
 * copies of the image,
 *   M^_c(x) = (1/n) sum_{i=1..n} M_c(x + N(0, sigma^2)).
 * Iterative in the umap-js way: `init(input)`, then `await step()` per sample
 * (a widget can draw `read()` between steps, pause, or stop), then `read()`.
 * Holds tensors between steps: call `dispose()` when finished.
 *
 * Equation id (to bind): smoothgrad.
 */
export class SmoothGrad {
  private input?: tf.Tensor;
  private stdev?: tf.Tensor;
  private sum?: tf.Tensor;
  private gaussian?: Gaussian;
  private count = 0;
  private readonly options: SmoothGradOptions;

  constructor(private readonly gradientFn: GradientFn, options: SmoothGradOptions) {
    if (!Number.isInteger(options.samples) || options.samples < 1) throw badArgument('SmoothGrad', 'samples', 'an integer >= 1', options.samples);
    if (!(options.sigma >= 0)) throw badArgument('SmoothGrad', 'sigma', 'a fraction of the value range >= 0', options.sigma, 'the paper uses 0.1 to 0.2');
    this.options = { ...options };
  }

  /** Starts over on an input [h, w, c] or [n, h, w, c]; keeps its own copy. */
  init(input: tf.Tensor): void {
    if (input.rank !== 3 && input.rank !== 4) throw badArgument('SmoothGrad.init', 'input', '[h, w, c] or [n, h, w, c]', `[${input.shape}]`);
    this.dispose();
    this.gaussian = createGaussian(this.options.seed);
    this.count = 0;
    [this.input, this.stdev, this.sum] = tf.tidy(() => {
      // Each image's own range, so a dark image is not drowned by noise sized for a bright one.
      const axes = input.rank === 4 ? [1, 2, 3] : [0, 1, 2];
      const range = input.max(axes, true).sub(input.min(axes, true));
      return [input.clone(), range.mul(this.options.sigma), tf.zerosLike(input)];
    });
  }

  /** Samples averaged so far. */
  get done(): number {
    return this.count;
  }

  get total(): number {
    return this.options.samples;
  }

  /** Adds one noisy sample; resolves true while more samples remain. */
  async step(): Promise<boolean> {
    const { input, stdev, gaussian } = this;
    if (!input || !stdev || !gaussian) throw new GlassboxError('out-of-order', 'SmoothGrad.step: call init(input) first', { where: 'SmoothGrad.step' });
    if (this.count >= this.options.samples) return false;
    const noisy = tf.tidy(() => input.add(tf.tensor(gaussian.sample(input.size), input.shape).mul(stdev)));
    let gradient: tf.Tensor;
    try {
      gradient = await this.gradientFn(noisy);
    } finally {
      noisy.dispose();
    }
    // init() or dispose() may have run while the gradient was computed: that sample is stale.
    if (this.input !== input) {
      gradient.dispose();
      throw new GlassboxError('out-of-order', 'SmoothGrad.step: the run was restarted or disposed during this step', { where: 'SmoothGrad.step' });
    }
    if (gradient.shape.join() !== input.shape.join()) {
      gradient.dispose();
      throw badArgument('SmoothGrad.step', 'gradientFn', `a gradient of shape [${input.shape}]`, `[${gradient.shape}]`);
    }
    const old = this.sum!;
    this.sum = tf.tidy(() => old.add(this.options.magnitude ? gradient.square() : gradient));
    old.dispose();
    gradient.dispose();
    this.count += 1;
    return this.count < this.options.samples;
  }

  /** The average so far, same shape as the input (zeros before the first step); the caller owns it. */
  read(): tf.Tensor {
    if (!this.sum) throw new GlassboxError('out-of-order', 'SmoothGrad.read: call init(input) first', { where: 'SmoothGrad.read' });
    const sum = this.sum;
    return tf.tidy(() => sum.div(Math.max(this.count, 1)));
  }

  /** Frees the tensors held between steps. */
  dispose(): void {
    tf.dispose([this.input, this.stdev, this.sum].filter((t): t is tf.Tensor => t !== undefined));
    this.input = this.stdev = this.sum = undefined;
  }
}

/**
 * Runs SmoothGrad to the end: the averaged gradient, same shape as input; the caller owns it.
 *
 * @equation smoothgrad
 */
export async function smoothGrad(input: tf.Tensor, gradientFn: GradientFn, options: SmoothGradOptions): Promise<tf.Tensor> {
  const run = new SmoothGrad(gradientFn, options);
  try {
    run.init(input);
    while (await run.step());
    return run.read();
  } finally {
    run.dispose();
  }
}
