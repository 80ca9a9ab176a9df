import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { spearman } from '../../explain/spearman.ts';
import { randomizationSteps, randomizedCopy } from '../../probe/randomize.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import { explanationMaps, type TrustMethod } from './maps.ts';
import { pace } from './pace.ts';
import { objectOf, sceneImage, sceneModel, type TrustScene } from './scene.ts';

/** The methods whose maps the sanity check follows (a random map has nothing to lose). */
export const SANITY_METHODS: readonly TrustMethod[] = ['grad-cam', 'cam', 'saliency', 'smoothgrad'];

export interface SanityOptions {
  seed: number;
  smoothSamples: number;
  model?: string;
  /** Called with each column as soon as it is computed: the trained model first, then one per step. */
  onStep?: (step: SanityStep, index: number, total: number) => void;
}

export interface SanityMap {
  method: TrustMethod;
  /** The map over the image, RGBA bytes. */
  overlay: Uint8ClampedArray;
  /** Spearman's rho between this map and the trained model's map (1 for the trained model itself). */
  similarity: number;
}

export interface SanityStep {
  /** "trained" for the original model, else the layer this step re-initialised (on top of all above it). */
  name: string;
  /** Every layer re-initialised so far. */
  randomized: string[];
  maps: SanityMap[];
}

/**
 * Cascading model randomisation (Adebayo et al. 2018, Sec. 3.1): re-initialise
 * the layers from the logits downwards, one step at a time, on a seeded copy
 * of the model, and compare each method's map with the trained model's. A map
 * that barely changes does not depend on what the model learned.
 */
export async function sanityCheck(scene: TrustScene, objectIndex: number, options: SanityOptions, signal?: AbortSignal): Promise<SanityStep[]> {
  const { classIndex } = objectOf(scene, objectIndex, 'sanityCheck');
  const model = await sceneModel(options.model);
  const steps = randomizationSteps(model);
  const image = sceneImage(scene);
  const out: SanityStep[] = [];
  let original: Float32Array[] = [];
  try {
    for (let k = 0; k <= steps.length; k++) {
      const randomized = steps.slice(0, k).flatMap((step) => step.layers);
      const copy = k === 0 ? model : await randomizedCopy(model, randomized, options.seed);
      try {
        const { values, overlays } = await mapsOf(copy, image, classIndex, options, signal);
        if (k === 0) original = values;
        const maps = SANITY_METHODS.map((method, m) => ({ method, overlay: overlays[m]!, similarity: spearman(original[m]!, values[m]!) }));
        const step = { name: k === 0 ? 'trained' : steps[k - 1]!.name, randomized, maps };
        out.push(step);
        options.onStep?.(step, k, steps.length + 1);
      } finally {
        if (copy !== model) copy.dispose();
      }
      await pace(signal, 'sanityCheck');
    }
    return out;
  } finally {
    image.dispose();
  }
}

async function mapsOf(model: tfl.LayersModel, image: tf.Tensor3D, classIndex: number, options: SanityOptions, signal?: AbortSignal) {
  const batch = image.expandDims(0) as tf.Tensor4D;
  const values: Float32Array[] = [];
  const overlays: Uint8ClampedArray[] = [];
  try {
    for (const method of SANITY_METHODS) {
      const maps = await explanationMaps(model, batch, [classIndex], method, { seed: options.seed, smoothSamples: options.smoothSamples, sigma: 0.15, signal });
      const overlay = tf.tidy(() => overlayHeatmap(image, maps.squeeze([0]) as tf.Tensor2D));
      const [map, rgba] = await Promise.all([maps.data<'float32'>(), overlay.data()]);
      tf.dispose([maps, overlay]);
      values.push(map);
      overlays.push(Uint8ClampedArray.from(rgba));
      await pace(signal, 'sanityCheck');
    }
    return { values, overlays };
  } finally {
    batch.dispose();
  }
}
