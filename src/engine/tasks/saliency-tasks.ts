import * as tf from '@tensorflow/tfjs-core';
import { SmoothGrad, vanillaSaliency } from '../explain/saliency.ts';
import { inputGradient } from '../probe/probe.ts';
import { readMaps, type MapView } from './read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from './scene-input.ts';
import { nextTask } from '../shared/next-task.ts';

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
  /** max_c |mean gradient so far|, [H, W]. */
  map: MapView;
}

export interface SmoothGradSettings {
  samples: number;
  /** Noise standard deviation as a fraction of the image's value range. */
  sigma: number;
  seed: number;
  /** How often to draw the running average, in ms. */
  drawEveryMs?: number;
}

/**
 * SmoothGrad of class c (Smilkov et al. 2017): gradients at noisy copies of
 * the image, averaged one sample at a time (each sample is one short backward
 * pass, so the page is never blocked for long), with the running average
 * drawn as it sharpens. Stops early when `signal` aborts.
 *
 * @returns the last progress report (done < total if cancelled)
 */
export async function smoothGradSaliency(
  image: Float32Array,
  classIndex: number,
  settings: SmoothGradSettings,
  signal: AbortSignal,
  onProgress: (progress: SmoothGradProgress) => void,
  source: ModelSource = SALIENCY_MODEL,
): Promise<SmoothGradProgress> {
  const model = await resolveModel(source);
  checkClass('smoothGradSaliency', model, classIndex);
  const x = imageTensor(image, 'smoothGradSaliency');
  const run = new SmoothGrad(async (noisy) => inputGradient(model, noisy as tf.Tensor3D, classIndex), settings);
  const every = settings.drawEveryMs ?? 80;
  try {
    run.init(x);
    let last: SmoothGradProgress | undefined;
    let drawn = performance.now();
    for (let more = true; more && !signal.aborted; ) {
      more = await run.step();
      if (!more || performance.now() - drawn > every) {
        last = await progress(run);
        onProgress(last);
        drawn = performance.now();
      }
      await nextTask();
    }
    return last ?? (await progress(run));
  } finally {
    run.dispose();
    x.dispose();
  }
}

async function progress(run: SmoothGrad): Promise<SmoothGradProgress> {
  const [map] = await readMaps([tf.tidy(() => vanillaSaliency(run.read().expandDims(0) as tf.Tensor4D).squeeze([0]) as tf.Tensor2D)]);
  return { done: run.done, total: run.total, map: map! };
}
