import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../shared/rng.ts';
import { badArgument, GlassboxError } from '../shared/errors.ts';
import { disposeBasis, fourierBasis, spectrumToImage, type FourierBasis } from './regularizers/decorrelated-fourier.ts';
import type { Regularizer } from './regularizers/regularizer.ts';

/** The score S_c(I) to climb: the class logit, or any scalar of the image [1, h, w, c]. */
export type ScoreFn = (image: tf.Tensor4D) => tf.Tensor;

export interface ClassVisualizationOptions {
  height: number;
  width: number;
  /** Default 3. */
  channels?: number;
  /** Weight lambda of the L2 term. Default 0.01. */
  lambda?: number;
  /** Step size of gradient ascent. Default 1. */
  learningRate?: number;
  /** Seed of the start image and of every regulariser's random draws. Default 0. */
  seed?: number;
  /** Standard deviation of the Gaussian start (pixels, or spectrum coefficients). Default 0.01. */
  initScale?: number;
  /** Added to I before the score sees it, e.g. the data mean: Simonyan et al. optimise the mean-subtracted image. Default 0. */
  offset?: number;
  /** 'pixel' (the paper) or 'fourier' (decorrelated, 1/f-scaled spectrum: Olah et al. 2017). Default 'pixel'. */
  parameterization?: 'pixel' | 'fourier';
  /** Divide each gradient by its mean magnitude, so one learning rate suits any network's score scale. Default false. */
  normalizeGradient?: boolean;
  regularizers?: readonly Regularizer[];
}

/**
 * Class visualisation by gradient ascent on the input (Simonyan, Vedaldi &
 * Zisserman 2014, "Deep inside convolutional networks", section 2), with
 * toggleable regularisers. Never sees the model: only a function from image to
 * score. Iterative: `init -> step -> read`; the page runs it as a session
 * (tasks/class-viz), which steps it in chunks and reads frames between them.
 *
 * @equation class-visualization
 *   I* = argmax_I S_c(I) - lambda ||I||_2^2   (eq. 1)
 * Each step: I <- I + eta * grad_I [S_c(T(I) + offset) - lambda ||I||^2 - sum penalties(I)],
 * T this step's sampled transforms; then projections (blur). With the Fourier
 * parameterisation the gradient is taken with respect to the spectrum.
 * Between steps only the parameter variable (and the Fourier bases) are held.
 */
export class ClassVisualization {
  private readonly o: Required<ClassVisualizationOptions>;
  private score: ScoreFn | null = null;
  private param: tf.Variable | null = null;
  private basis: FourierBasis | null = null;
  private rng: Rng;
  private t = 0;

  constructor(options: ClassVisualizationOptions) {
    this.o = {
      channels: 3, lambda: 0.01, learningRate: 1, seed: 0, initScale: 0.01, offset: 0,
      parameterization: 'pixel', normalizeGradient: false, regularizers: [], ...options,
    };
    const { height, width, channels, lambda, learningRate, parameterization } = this.o;
    for (const [arg, v] of [['height', height], ['width', width], ['channels', channels]] as const) {
      if (!Number.isInteger(v) || v < 1) throw badArgument('ClassVisualization', arg, 'an integer >= 1', v);
    }
    if (!(lambda >= 0)) throw badArgument('ClassVisualization', 'lambda', 'a number >= 0', lambda);
    if (!(learningRate > 0)) throw badArgument('ClassVisualization', 'learningRate', 'a number > 0', learningRate);
    if (!(this.o.initScale >= 0)) throw badArgument('ClassVisualization', 'initScale', 'a number >= 0', this.o.initScale);
    if (parameterization !== 'pixel' && parameterization !== 'fourier') {
      throw badArgument('ClassVisualization', 'parameterization', '"pixel" or "fourier"', parameterization);
    }
    this.rng = createRng(this.o.seed);
  }

  /** Sets the score function and a fresh seeded start; disposes any previous state. */
  init(score: ScoreFn): void {
    this.dispose();
    const { height: h, width: w, channels: c, seed, initScale } = this.o;
    this.rng = createRng(seed);
    this.score = score;
    this.t = 0;
    const shape = this.o.parameterization === 'pixel' ? [1, h, w, c] : [2, c, h, Math.floor(w / 2) + 1];
    if (this.o.parameterization === 'fourier') this.basis = fourierBasis(h, w);
    const size = shape.reduce((a, b) => a * b, 1);
    this.param = tf.tidy(() => tf.variable(tf.tensor(gaussian(this.rng, size, initScale), shape), false));
  }

  /** Runs `iterations` ascent steps; returns the step count reached. */
  step(iterations = 1): number {
    const { param, score } = this.ready();
    for (let k = 0; k < iterations; k++) {
      const ops = this.o.regularizers.flatMap((r) => (r.sample ? [r.sample(this.rng)] : []));
      tf.tidy(() => {
        const objective = (p: tf.Tensor): tf.Scalar => {
          const image = this.toImage(p);
          const seen = ops.reduce((x, op) => op(x), image);
          let value = score(seen.add(this.o.offset) as tf.Tensor4D).sum().sub(image.square().sum().mul(this.o.lambda));
          for (const r of this.o.regularizers) if (r.penalty) value = value.sub(r.penalty(image));
          return value as tf.Scalar;
        };
        let g = tf.grad(objective)(param);
        if (this.o.normalizeGradient) g = g.div(g.abs().mean().add(1e-12));
        param.assign(param.add(g.mul(this.o.learningRate)));
      });
      if (this.o.parameterization === 'pixel') this.project(param);
      this.t++;
    }
    return this.t;
  }

  /** The current image [h, w, c] in [0, 1]: min-max scaled ('normalize', default) or I + offset clipped ('clip'). Caller owns it. */
  read(display: 'normalize' | 'clip' = 'normalize'): tf.Tensor3D {
    const { param } = this.ready();
    return tf.tidy(() => {
      const image = this.toImage(param).squeeze([0]);
      if (display === 'clip') return image.add(this.o.offset).clipByValue(0, 1) as tf.Tensor3D;
      const lo = image.min();
      const range = image.max().sub(lo).maximum(1e-12);
      return image.sub(lo).div(range) as tf.Tensor3D;
    });
  }

  /** The image I itself [h, w, c], before offset and display scaling (for read-outs and tests). Caller owns it. */
  readRaw(): tf.Tensor3D {
    const { param } = this.ready();
    return tf.tidy(() => this.toImage(param).squeeze([0]) as tf.Tensor3D);
  }

  get iteration(): number {
    return this.t;
  }

  /** Frees the variable and bases. Safe to call twice. */
  dispose(): void {
    this.param?.dispose();
    if (this.basis) disposeBasis(this.basis);
    this.param = null;
    this.basis = null;
  }

  private toImage(p: tf.Tensor): tf.Tensor4D {
    return this.basis ? spectrumToImage(p as tf.Tensor4D, this.basis) : (p as tf.Tensor4D);
  }

  private project(param: tf.Variable): void {
    for (const r of this.o.regularizers) {
      if (!r.project) continue;
      const next = r.project(param as tf.Tensor4D, this.t);
      if (next) {
        param.assign(next);
        next.dispose();
      }
    }
  }

  private ready(): { param: tf.Variable; score: ScoreFn } {
    if (!this.param || !this.score) throw new GlassboxError('out-of-order', 'ClassVisualization: call init(score) before step or read', { where: 'ClassVisualization' });
    return { param: this.param, score: this.score };
  }
}

/** Feature visualisation objective: the mean activation of one channel of what `activations` returns, [1, h, w, c]. */
export function channelObjective(activations: (image: tf.Tensor4D) => tf.Tensor4D, channel: number): ScoreFn {
  if (!Number.isInteger(channel) || channel < 0) throw badArgument('channelObjective', 'channel', 'an integer >= 0', channel);
  return (image) => {
    const a = activations(image);
    if (channel >= a.shape[3]) throw badArgument('channelObjective', 'channel', `an integer in 0..${a.shape[3] - 1}`, channel);
    return a.slice([0, 0, 0, channel], [a.shape[0], a.shape[1], a.shape[2], 1]).mean();
  };
}

function gaussian(rng: Rng, size: number, std: number): Float32Array {
  const out = new Float32Array(size);
  for (let k = 0; k < size; k++) out[k] = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()) * std;
  return out;
}
