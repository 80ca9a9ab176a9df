/**
 * Scenes a reader composes by hand: a generated background plus chosen
 * objects at chosen places, pasted with the generator's own `pasteTemplate`,
 * so every mask is as exact as in the data set. Pure: the same atlas and
 * layout give the same pixels in Node and in the browser.
 */
import { TRAIN_STYLES, type ObjectAtlas } from './atlas.ts';
import { paintBackground } from './background.ts';
import type { Scene, SceneObject } from './objects.ts';
import { pasteTemplate, type Placement } from './paste.ts';
import { badArgument } from '../shared/errors.ts';
import { createRng, deriveSeed } from '../shared/rng.ts';
import { IMAGE_SIDE } from '../shared/image-side.ts';

/** One object the reader placed: its class and where its centre is. */
export interface PlacedObject {
  classIndex: number;
  /** Centre in canvas pixels. */
  cx: number;
  cy: number;
  /** Longest side in canvas pixels. */
  longest: number;
}

/** A hand-made scene: background number (a seed) and objects, back to front. */
export interface Composition {
  background: number;
  objects: readonly PlacedObject[];
}

/** Seed stream of the composer's backgrounds (not one the model trained on). */
export const COMPOSER_BACKGROUND_SEED = 7070;

/** The first template of a class in the training styles: the object the composer pastes. */
export function composerTemplate(atlas: ObjectAtlas, classIndex: number): number {
  const index = atlas.templates.findIndex((t) => t.classIndex === classIndex && (TRAIN_STYLES as readonly string[]).includes(t.style));
  if (index < 0) throw badArgument('composerTemplate', 'classIndex', `a class with a template in [${TRAIN_STYLES.join(', ')}]`, classIndex);
  return index;
}

/** Paints the background, pastes the objects in order (later ones in front) and keeps each object's visible mask. */
export function composeScene(atlas: ObjectAtlas, composition: Composition, size = IMAGE_SIDE): Scene {
  const image = new Float32Array(size * size * 3);
  paintBackground(image, size, atlas, createRng(deriveSeed(COMPOSER_BACKGROUND_SEED, composition.background)));
  const objects: SceneObject[] = composition.objects.map((o) => {
    const template = composerTemplate(atlas, o.classIndex);
    const placement: Placement = { cx: o.cx, cy: o.cy, longest: o.longest, angle: 0, flip: false, brightness: 1 };
    const mask = pasteTemplate(image, size, atlas, atlas.templates[template]!, placement);
    return { classIndex: o.classIndex, template, placement, mask, box: [0, 0, 0, 0] };
  });
  objects.forEach((object, i) => {
    for (const later of objects.slice(i + 1)) object.mask.forEach((m, p) => m && later.mask[p] && (object.mask[p] = 0));
    object.box = box(object.mask, size);
  });
  return { size, image, objects };
}

function box(mask: Uint8Array, size: number): [number, number, number, number] {
  let [x0, y0, x1, y1] = [size, size, 0, 0];
  mask.forEach((m, p) => {
    if (!m) return;
    const [x, y] = [p % size, Math.floor(p / size)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
  });
  return x1 === 0 ? [0, 0, 0, 0] : [x0, y0, x1, y1];
}
