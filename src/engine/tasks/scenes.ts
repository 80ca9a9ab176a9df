import { UNSEEN_STYLE } from '../data/atlas.ts';
import { composeScene, type Composition } from '../data/compose.ts';
import { sceneAt, type Scene, type SceneOptions } from '../data/objects.ts';
import { loadObjectAtlas } from '../data/site-atlas.ts';
import { badArgument } from '../shared/errors.ts';
import { sceneStream, type SceneStream } from '../shared/scene-streams.ts';
import { OBJECTS_SPLITS } from '../shared/splits.ts';
import { SCENE_DATASETS } from '../shared/widget-params/images.ts';
import { tableScene } from './trust/table.ts';

/** Gallery streams are offset from every training and evaluation seed (those are >= 1000). */
const GALLERY_SEED = 500_000;

function sceneOptions({ count, unseen }: SceneStream): SceneOptions {
  return { count, ...(unseen ? { styles: [UNSEEN_STYLE] } : {}) };
}

/**
 * The held-out scene a dataset image reference names (image `index` of one of
 * SCENE_DATASETS), generated from the atlas the engine loads once: its pixels
 * with every object's class, exact visible mask and box.
 */
export async function datasetScene(dataset: string, index: number): Promise<Scene> {
  const stream = Object.hasOwn(SCENE_DATASETS, dataset) ? sceneStream(dataset) : undefined;
  if (!stream) throw badArgument('datasetScene', 'dataset', `one of ${Object.keys(SCENE_DATASETS).join(', ')}`, dataset);
  if (!Number.isFinite(index) || index < 0) throw badArgument('datasetScene', 'index', 'a number >= 0', index);
  const { heldOut, scenes, unseenStyle } = OBJECTS_SPLITS;
  const seed = stream.unseen ? unseenStyle.seed : stream.count === 1 ? heldOut.seed : scenes.seed;
  return sceneAt(await loadObjectAtlas(), seed, index, sceneOptions(stream));
}

/** Scenes `start` .. `start + n - 1` of the pointing-game split, as the model card and the method table measure them. */
export async function pointingScenes(start: number, n: number): Promise<Scene[]> {
  const atlas = await loadObjectAtlas();
  return Array.from({ length: n }, (_, i) => tableScene(atlas, start + i));
}

/** Fresh scenes 0 .. n - 1 of the gallery's stream `seed`, each with `stream.count` objects in the training styles or the unseen one. */
export async function galleryScenes(seed: number, n: number, stream: SceneStream): Promise<Scene[]> {
  const atlas = await loadObjectAtlas();
  return Array.from({ length: n }, (_, i) => sceneAt(atlas, GALLERY_SEED + seed, i, sceneOptions(stream)));
}

/** The scene a reader composed: the composer's background `background` with the objects pasted back to front. */
export async function composedScene(composition: Composition): Promise<Scene> {
  return composeScene(await loadObjectAtlas(), composition);
}
