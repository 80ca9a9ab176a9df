import * as tf from '@tensorflow/tfjs-core';
import { SmoothGrad, vanillaSaliency } from '../explain/saliency.ts';
import { inputGradient } from '../probe/probe.ts';
import { readMaps, type MapView } from './read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from './scene-input.ts';
import type { Session } from '../runtime/session.ts';

/** The two one-pass saliency maps of an image: M = max_c |dS_c/dI| with standard and with guided ReLU backward. */
export interface GradientSaliency {
  vanilla: MapView;
  guided: MapView;
}

/**
 * Vanilla gradient saliency (Simonyan et al. 2014) and guided backpropagation
 * (Springenberg et al. 2015) of class c on one image, both reduced to one
 * value per pixel by the largest magnitude over colour channels, and read back
 * together.
 *
 * @param image side * side * 3 floats in [0, 1]
 */
export async function gradientSaliency(image: Float32Array, classIndex: number, source: ModelSource = SALIENCY_MODEL): Promise<GradientSaliency> {
  const model = await resolveModel(source);
  checkClass('gradientSaliency', model, classIndex);
  const maps = tf.tidy(() => {
    const x = imageTensor(image, 'gradientSaliency').expandDims(0) as tf.Tensor4D;
    return (['standard', 'guided'] as const).map(
      (reluBackward) => vanillaSaliency(inputGradient(model, x, classIndex, { reluBackward }) as tf.Tensor4D).squeeze([0]) as tf.Tensor2D,
    );
  });
  const [vanilla, guided] = await readMaps(maps);
  return { vanilla: vanilla!, guided: guided! };
}

export interface SmoothGradProgress {
  done: number;
  total: number;
  /** max_c |mean gradient so far|, [H, W] (zeros before the first sample). */
  map: MapView;
}

export interface SmoothGradArgs {
  /** side * side * 3 floats in [0, 1]. */
  image: Float32Array;
  classIndex: number;
  samples: number;
  /** Noise standard deviation as a fraction of the image's value range. */
  sigma: number;
  seed: number;
  /** The model (the course's objects-cnn unless a test passes one). */
  model?: ModelSource;
}

/**
 * SmoothGrad of class c (Smilkov et al. 2017) as a session: gradients at
 * noisy copies of the image, averaged one sample a step (each a short
 * backward pass, so the page is never blocked for long); progress is the
 * running average, reduced to one value per pixel, as it sharpens.
 */
export async function smoothGradSaliency(args: SmoothGradArgs): Promise<SmoothGradSession> {
  const model = await resolveModel(args.model ?? SALIENCY_MODEL);
  checkClass('smoothGradSaliency', model, args.classIndex);
  const run = new SmoothGrad(async (noisy) => inputGradient(model, noisy as tf.Tensor3D, args.classIndex), { samples: args.samples, sigma: args.sigma, seed: args.seed });
  const x = imageTensor(args.image, 'smoothGradSaliency');
  try {
    run.init(x);
  } finally {
    x.dispose();
  }
  return new SmoothGradSession(run);
}

export class SmoothGradSession implements Session<SmoothGradProgress, SmoothGradProgress> {
  constructor(private readonly run: SmoothGrad) {}

  remaining(): number {
    return this.run.total - this.run.done;
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) await this.run.step();
  }

  /** The running average's map, read back once. */
  async progress(): Promise<SmoothGradProgress> {
    const run = this.run;
    const [map] = await readMaps([tf.tidy(() => vanillaSaliency(run.read().expandDims(0) as tf.Tensor4D).squeeze([0]) as tf.Tensor2D)]);
    return { done: run.done, total: run.total, map: map! };
  }

  read(): Promise<SmoothGradProgress> {
    return this.progress();
  }

  dispose(): void {
    this.run.dispose();
  }
}
