import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { pointingGame, type PointingResult } from '../../explain/metrics.ts';
import { POINTING_TOLERANCE } from '../../shared/pointing-tolerance.ts';
import { badArgument } from '../../shared/errors.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';

/** What the trust tasks need of a Glassbox Objects scene (a `Scene` fits). */
export interface TrustScene {
  size: number;
  /** size*size*3 floats in [0, 1], row-major RGB. */
  image: Float32Array;
  objects: readonly { classIndex: number; mask: Uint8Array }[];
}

/** The course model the lesson measures; the model is a parameter so tests can swap in a tiny one. */
export const TRUST_MODEL = 'objects-cnn';

export function sceneModel(source: ModelSource = TRUST_MODEL): Promise<tfl.LayersModel> {
  return resolveModel(source);
}

/** The scene's image, [size, size, 3]; the caller owns it. */
export function sceneImage(scene: TrustScene): tf.Tensor3D {
  if (scene.image.length !== scene.size * scene.size * 3) {
    throw badArgument('sceneImage', 'scene.image', `${scene.size * scene.size * 3} floats`, scene.image.length);
  }
  return tf.tensor3d(scene.image, [scene.size, scene.size, 3]);
}

/** A scene's images stacked, [n, size, size, 3]; the caller owns it. */
export function sceneImages(scenes: readonly TrustScene[]): tf.Tensor4D {
  if (scenes.length === 0) throw badArgument('sceneImages', 'scenes', 'at least one scene', 0);
  const { size } = scenes[0]!;
  const pixels = new Float32Array(scenes.length * size * size * 3);
  scenes.forEach((scene, i) => pixels.set(scene.image, i * size * size * 3));
  return tf.tensor4d(pixels, [scenes.length, size, size, 3]);
}

export function objectOf(scene: TrustScene, objectIndex: number, fn: string): { classIndex: number; mask: Uint8Array } {
  const object = scene.objects[objectIndex];
  if (!object) throw badArgument(fn, 'objectIndex', `an index in [0, ${scene.objects.length})`, objectIndex);
  return object;
}

/** The pointing game of map [H, W] against an object's exact mask, with the course's tolerance (POINTING_TOLERANCE). */
export async function pointAt(map: tf.Tensor2D, mask: Uint8Array): Promise<PointingResult> {
  const [height, width] = map.shape;
  const truth = tf.tensor2d(Float32Array.from(mask), [height, width]);
  try {
    return await pointingGame(map, truth, POINTING_TOLERANCE);
  } finally {
    truth.dispose();
  }
}

/**
 * The chance that a uniformly random peak is a pointing-game hit: the
 * fraction of the size x size pixels within `tolerance` (Euclidean) of the mask.
 */
export function pointingChance(mask: Uint8Array, size: number, tolerance: number): number {
  const reach = Math.floor(tolerance);
  let near = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hit = false;
      for (let dy = -reach; dy <= reach && !hit; dy++) {
        for (let dx = -reach; dx <= reach && !hit; dx++) {
          const u = x + dx;
          const v = y + dy;
          hit = dx * dx + dy * dy <= tolerance * tolerance && u >= 0 && v >= 0 && u < size && v < size && mask[v * size + u]! > 0;
        }
      }
      if (hit) near++;
    }
  }
  return near / (size * size);
}
