import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../../shared/rng.ts';
import { cam } from '../../explain/cam.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { gradCam } from '../../explain/grad-cam.ts';
import { SmoothGrad, vanillaSaliency } from '../../explain/saliency.ts';
import { upsampleMaps } from '../../explain/upsample.ts';
import { classifierKernel, featureMapLayers, inputGradient, probe } from '../../probe/index.ts';
import { badArgument } from '../../shared/errors.ts';
import { pace } from './pace.ts';

/** The methods the trust lesson compares, the random map last as the floor any method must beat. */
export const TRUST_METHODS = [
  { id: 'grad-cam', label: 'Grad-CAM' },
  { id: 'cam', label: 'CAM' },
  { id: 'saliency', label: 'Vanilla saliency' },
  { id: 'smoothgrad', label: 'SmoothGrad' },
  { id: 'random', label: 'Random map' },
] as const;

export type TrustMethod = (typeof TRUST_METHODS)[number]['id'];

export interface MapOptions {
  /** Seed of the random map and of SmoothGrad's noise. */
  seed: number;
  /** SmoothGrad's noisy copies (Smilkov et al. use up to 50; fewer is noisier but faster). */
  smoothSamples: number;
  /** SmoothGrad's noise level, a fraction of the image's value range. */
  sigma: number;
  signal?: AbortSignal;
}

/** The layer that feeds global average pooling: where CAM is defined and Grad-CAM looks. */
export function camLayerOf(model: tfl.LayersModel): string {
  return featureMapLayers(model).at(-1)!.name;
}

/**
 * One map per image for its class, bilinearly resized to the image and scaled
 * to [0, 1] per image. Awaits between SmoothGrad's samples, so it can stop.
 *
 * @param images [n, H, W, 3]
 * @param classes one class index per image
 * @returns [n, H, W]; the caller owns it
 */
export async function explanationMaps(
  model: tfl.LayersModel,
  images: tf.Tensor4D,
  classes: readonly number[],
  method: TrustMethod,
  options: MapOptions,
): Promise<tf.Tensor3D> {
  const [n, height, width] = images.shape;
  if (!TRUST_METHODS.some(({ id }) => id === method)) throw badArgument('explanationMaps', 'method', `one of ${TRUST_METHODS.map(({ id }) => id).join(', ')}`, method);
  if (classes.length !== n) throw badArgument('explanationMaps', 'classes', `${n} class indices, one per image`, classes.length);
  if (method === 'smoothgrad') return smoothGradMaps(model, images, classes, options);
  return tf.tidy(() => {
    if (method === 'random') {
      const rng = createRng(options.seed);
      return tf.tensor3d(Float32Array.from({ length: n * height * width }, () => rng.next()), [n, height, width]);
    }
    if (method === 'saliency') return normalizeMap(vanillaSaliency(inputGradient(model, images, classes) as tf.Tensor4D));
    const { activations, gradients } = probe(model, camLayerOf(model), images, classes);
    const coarse = method === 'cam' ? cam(activations, classifierKernel(model), classes) : gradCam(activations, gradients).map;
    return normalizeMap(upsampleMaps(coarse, [height, width]));
  });
}

async function smoothGradMaps(model: tfl.LayersModel, images: tf.Tensor4D, classes: readonly number[], options: MapOptions): Promise<tf.Tensor3D> {
  const run = new SmoothGrad(async (noisy) => inputGradient(model, noisy as tf.Tensor4D, classes), {
    samples: options.smoothSamples,
    sigma: options.sigma,
    seed: options.seed,
  });
  try {
    run.init(images);
    while (await run.step()) await pace(options.signal, 'explanationMaps');
    const mean = run.read() as tf.Tensor4D;
    const map = tf.tidy(() => normalizeMap(vanillaSaliency(mean)));
    mean.dispose();
    return map;
  } finally {
    run.dispose();
  }
}
