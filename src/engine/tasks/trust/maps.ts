import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../../shared/rng.ts';
import { cam } from '../../explain/cam.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { gradCam } from '../../explain/grad-cam.ts';
import { SmoothGrad, vanillaSaliency } from '../../explain/saliency.ts';
import { upsampleMaps } from '../../explain/upsample.ts';
import { classifierKernel, featureMapLayers, inputGradient, probe } from '../../probe/index.ts';
import { badArgument, GlassboxError } from '../../shared/errors.ts';
import { isVitMethod, vitMap, VIT_METHODS, type VitMethod } from './vit-maps.ts';

/** The methods the trust lesson compares, the random map last as the floor any method must beat. */
export const TRUST_METHODS = [
  { id: 'grad-cam', label: 'Grad-CAM' },
  { id: 'cam', label: 'CAM' },
  { id: 'saliency', label: 'Vanilla saliency' },
  { id: 'smoothgrad', label: 'SmoothGrad' },
  { id: 'random', label: 'Random map' },
] as const;

export type TrustMethod = (typeof TRUST_METHODS)[number]['id'];

/**
 * Every map a MapRun makes: the table's methods, and guided backpropagation,
 * which only the sanity check follows (it is the method Adebayo et al. found
 * to survive randomisation; the table compares the methods the lesson ranks).
 */
export const MAP_METHODS = [...TRUST_METHODS, { id: 'guided', label: 'Guided backprop' }] as const;

export type MapMethod = (typeof MAP_METHODS)[number]['id'];

/** What a MapRun can make: a CNN's maps, or (on a ViT) its rollouts. */
export type AnyMapMethod = MapMethod | VitMethod;

/** Every method a MapRun (and so a table) can make, CNN maps first. */
export const ANY_MAP_METHODS = [...MAP_METHODS, ...VIT_METHODS];

/** Every method's label, by id. */
export const methodLabel = (method: AnyMapMethod): string => ANY_MAP_METHODS.find(({ id }) => id === method)!.label;

export interface MapOptions {
  /** Seed of the random map and of SmoothGrad's noise. */
  seed: number;
  /** SmoothGrad's noisy copies (Smilkov et al. use up to 50; fewer is noisier but faster). */
  smoothSamples: number;
  /** SmoothGrad's noise level, a fraction of the image's value range. */
  sigma: number;
}

/** The layer that feeds global average pooling: where CAM is defined and Grad-CAM looks. */
export function camLayerOf(model: tfl.LayersModel): string {
  return featureMapLayers(model).at(-1)!.name;
}

/** Steps a method's maps take: one per SmoothGrad sample (each a backward pass), one for every other method. */
export function mapSteps(method: AnyMapMethod, options: Pick<MapOptions, 'smoothSamples'>): number {
  return method === 'smoothgrad' ? options.smoothSamples : 1;
}

/**
 * One map per image for its class, bilinearly resized to the image and scaled
 * to [0, 1] per image, made step by step so that a session can give the page
 * a turn (or stop) between steps: SmoothGrad takes one noisy sample a step,
 * every other method is one step. Holds tensors until disposed.
 */
export class MapRun {
  private readonly images: tf.Tensor4D;
  private readonly smooth: SmoothGrad | undefined;
  private map: tf.Tensor3D | undefined;
  private left: number;

  /** @param images [n, H, W, 3] (the run keeps its own reference); classes one class index per image */
  constructor(
    private readonly model: tfl.LayersModel,
    images: tf.Tensor4D,
    private readonly classes: readonly number[],
    private readonly method: AnyMapMethod,
    private readonly options: MapOptions,
  ) {
    const n = images.shape[0];
    const known = ANY_MAP_METHODS.map(({ id }) => id);
    if (!known.includes(method)) throw badArgument('explanationMaps', 'method', `one of ${known.join(', ')}`, method);
    if (isVitMethod(method) && n !== 1) throw badArgument('explanationMaps', 'images', `one image for ${method}`, n);
    if (classes.length !== n) throw badArgument('explanationMaps', 'classes', `${n} class indices, one per image`, classes.length);
    this.left = mapSteps(method, options);
    // SmoothGrad checks its options before anything is held, so a refused run leaks nothing.
    this.smooth = method === 'smoothgrad'
      ? new SmoothGrad(async (noisy) => inputGradient(model, noisy as tf.Tensor4D, classes), { samples: options.smoothSamples, sigma: options.sigma, seed: options.seed })
      : undefined;
    this.images = images.clone();
    this.smooth?.init(this.images);
  }

  remaining(): number {
    return this.left;
  }

  async step(): Promise<void> {
    if (this.left === 0) return;
    if (isVitMethod(this.method)) {
      this.map = await vitMap(this.model, this.images, this.classes[0]!, this.method);
      this.left = 0;
      return;
    }
    if (!this.smooth) {
      this.map = this.oneShot();
      this.left = 0;
      return;
    }
    await this.smooth.step();
    this.left = this.smooth.total - this.smooth.done;
    if (this.left > 0) return;
    const mean = this.smooth.read() as tf.Tensor4D;
    this.map = tf.tidy(() => normalizeMap(vanillaSaliency(mean)));
    mean.dispose();
    this.smooth.dispose();
  }

  /** The maps [n, H, W] once `remaining()` is 0; the caller owns them from here. */
  take(): tf.Tensor3D {
    const map = this.map;
    if (!map) throw new GlassboxError('out-of-order', 'MapRun.take: the maps are not finished; step until remaining() is 0', { where: 'MapRun.take' });
    this.map = undefined;
    return map;
  }

  dispose(): void {
    this.smooth?.dispose();
    this.map?.dispose();
    this.map = undefined;
    this.images.dispose();
  }

  private oneShot(): tf.Tensor3D {
    const { model, images, classes } = this;
    const method = this.method as MapMethod;
    const [n, height, width] = images.shape;
    return tf.tidy(() => {
      if (method === 'random') {
        const rng = createRng(this.options.seed);
        return tf.tensor3d(Float32Array.from({ length: n * height * width }, () => rng.next()), [n, height, width]);
      }
      if (method === 'saliency' || method === 'guided') {
        const gradient = inputGradient(model, images, classes, { reluBackward: method === 'guided' ? 'guided' : 'standard' }) as tf.Tensor4D;
        return normalizeMap(vanillaSaliency(gradient));
      }
      const { activations, gradients } = probe(model, camLayerOf(model), images, classes);
      const coarse = method === 'cam' ? cam(activations, classifierKernel(model), classes) : gradCam(activations, gradients).map;
      return normalizeMap(upsampleMaps(coarse, [height, width]));
    });
  }
}

/**
 * Every step of a MapRun at once: the maps [n, H, W]; the caller owns them.
 *
 * @param images [n, H, W, 3]
 * @param classes one class index per image
 */
export async function explanationMaps(
  model: tfl.LayersModel,
  images: tf.Tensor4D,
  classes: readonly number[],
  method: AnyMapMethod,
  options: MapOptions,
): Promise<tf.Tensor3D> {
  const run = new MapRun(model, images, classes, method, options);
  try {
    while (run.remaining() > 0) await run.step();
    return run.take();
  } finally {
    run.dispose();
  }
}
