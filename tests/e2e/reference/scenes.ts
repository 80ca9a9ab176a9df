import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../src/engine/shared/splits.ts';

/** A held-out scene as plain arrays, ready to pass into the page. */
export interface TestScene {
  image: number[];
  objects: { classIndex: number; mask: number[] }[];
}

/** Scene `index` of the held-out scene stream with `count` objects, regenerated in Node from the same seed as the widgets. */
export function heldOutScene(index: number, count: number): TestScene {
  const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.scenes.seed, index, { count });
  return { image: Array.from(scene.image), objects: scene.objects.map((o) => ({ classIndex: o.classIndex, mask: Array.from(o.mask) })) };
}

/** The first `n` scenes of the stream as the galleries and the trust table show them (2 or 3 objects, alternating). */
export function heldOutScenes(n: number): TestScene[] {
  return Array.from({ length: n }, (_, i) => heldOutScene(i, 2 + (i % 2)));
}
