/** Glassbox Objects as a segmentation data set: every pixel labelled with the class of the object on it, or the background. */
import type { ObjectAtlas } from './atlas.ts';
import { sceneAt, type SceneOptions } from './objects.ts';

/**
 * A scene's label map, size * size, row-major: the class of the object whose
 * visible mask covers the pixel (masks are disjoint: later objects remove
 * their pixels from earlier masks), else `background`.
 *
 * @equation segmentation-labels
 */
export function labelMap(scene: { size: number; objects: readonly { classIndex: number; mask: Uint8Array }[] }, background: number): Int32Array {
  const labels = new Int32Array(scene.size * scene.size).fill(background);
  for (const object of scene.objects) object.mask.forEach((on, p) => on && (labels[p] = object.classIndex));
  return labels;
}

/** How many objects scene `index` of a stream holds: the range [lo, hi] in turn, so every batch mixes them. */
export const objectsIn = (index: number, [lo, hi]: readonly [number, number]): number => lo + (index % (hi - lo + 1));

/**
 * Scenes start..start+n-1 of stream `seed` (objectsIn objects each) as images
 * [n, size, size, 3] and label maps [n, size, size].
 */
export function segmentationBatch(
  atlas: ObjectAtlas,
  seed: number,
  start: number,
  n: number,
  objects: readonly [number, number],
  background: number,
  options: Omit<SceneOptions, 'count'> = {},
): { x: Float32Array; labels: Int32Array; n: number } {
  const size = options.size ?? 64;
  const x = new Float32Array(n * size * size * 3);
  const labels = new Int32Array(n * size * size);
  for (let i = 0; i < n; i++) {
    const scene = sceneAt(atlas, seed, start + i, { ...options, count: objectsIn(start + i, objects) });
    x.set(scene.image, i * size * size * 3);
    labels.set(labelMap(scene, background), i * size * size);
  }
  return { x, labels, n };
}
