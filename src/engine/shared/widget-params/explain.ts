import { z } from '../zod.ts';
import { OBJECT_CLASSES } from '../classes.ts';
import { flag, intIn, layerName, numberIn, oneOf, type Field, type WidgetSpec } from './fields.ts';
import { FIRST_SCENE, sceneImage } from './images.ts';
import { SEED } from './basics.ts';
import { OBJECTS_MODEL } from './model.ts';

/** A class of a scene widget; without one the widget asks about the scene's first object. */
const SCENE_CLASS = intIn(0, OBJECT_CLASSES.length - 1, undefined, 'fallback.firstObjectClass');
/** An object of a scene (scenes hold 1 to 3); one the scene lacks falls back to its first, in the widget. */
const OBJECT = intIn(0, 2, 0);

/** The scene composer's starting layout: a cat at the top left, a car at the bottom right, as [class, x, y, size] per object. */
export const START_LAYOUT = [0, 18, 19, 26, 4, 45, 45, 26];
const OBJECT_SIZE = 26;

/** A layout the composer itself could make: 1 to 3 objects of different classes, centres inside the 64 x 64 image, the fixed size. */
export function isLayout(flat: readonly number[]): boolean {
  if (flat.length % 4 !== 0 || flat.length < 4 || flat.length > 12) return false;
  const objects = Array.from({ length: flat.length / 4 }, (_, i) => flat.slice(4 * i, 4 * i + 4) as [number, number, number, number]);
  return (
    new Set(objects.map(([c]) => c)).size === objects.length &&
    objects.every(
      ([c, x, y, size]) => Number.isInteger(c) && c >= 0 && c < OBJECT_CLASSES.length && [x, y].every((v) => v >= 0 && v <= 64) && size === OBJECT_SIZE,
    )
  );
}

const layout: Field = {
  schema: z.array(z.number()).check(z.refine(isLayout)),
  fallback: START_LAYOUT,
  fallbackText: { key: 'fallback.startLayout' },
  expected: { key: 'expected.layout', vars: { size: OBJECT_SIZE } },
};

/** The composer asks about one of the classes it shows. */
function composedClass({ objects }: Readonly<Record<string, unknown>>): Field {
  const flat = objects as number[];
  const classes = flat.filter((_, i) => i % 4 === 0);
  return oneOf(classes, classes[0]!);
}

/** Widgets of the occlusion and saliency, CAM and trust lessons. */
export const EXPLAIN_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'occlusion-explorer': {
    image: sceneImage(FIRST_SCENE),
    class: SCENE_CLASS,
    params: {
      patch: oneOf([4, 8, 12, 16], 8),
      stride: oneOf([2, 4, 8], 4),
      // The patch's top-left corner, with the whole patch inside the 64 x 64 image.
      top: ({ patch }) => intIn(0, 64 - Number(patch), 28),
      left: ({ patch }) => intIn(0, 64 - Number(patch), 28),
    },
  },
  'saliency-compare': {
    image: sceneImage(FIRST_SCENE),
    class: SCENE_CLASS,
    params: { sigma: oneOf([0.05, 0.1, 0.15, 0.2, 0.3], 0.15), samples: oneOf([10, 25, 50, 100], 25) },
  },
  'cam-builder': { image: sceneImage(FIRST_SCENE), class: SCENE_CLASS, params: { summed: intIn(1, 64, 64) } },
  'grad-cam-explorer': {
    image: sceneImage(FIRST_SCENE),
    class: SCENE_CLASS,
    layer: layerName(undefined, 'fallback.pooledLayer'),
    model: OBJECTS_MODEL,
    params: {},
  },
  'scene-composer': { params: { background: intIn(0, 999, 3), objects: layout }, class: composedClass, model: OBJECTS_MODEL },
  'cam-gallery': { params: { first: intIn(0, 496, 0) } },
  'deletion-insertion': {
    image: sceneImage(FIRST_SCENE),
    params: { object: OBJECT, method: oneOf(['grad-cam', 'cam', 'saliency', 'smoothgrad', 'random'], 'grad-cam') },
  },
  'sanity-check': { image: sceneImage(FIRST_SCENE), params: { object: OBJECT }, seed: SEED(1) },
  // The menu offers 10 to 100 scenes; smaller batches come from `?trust-batch=` and are kept.
  'method-table': { params: { batch: intIn(1, 100, undefined, 'fallback.lessonScenes') }, model: OBJECTS_MODEL },
  'attention-explorer': {
    image: sceneImage(FIRST_SCENE),
    params: { object: OBJECT, fusion: oneOf(['mean', 'min', 'max'], 'mean'), discard: numberIn(0, 0.95, 0) },
  },
  'attention-table': { params: { batch: intIn(1, 100, undefined, 'fallback.lessonScenes') } },
  'segmentation-explorer': { image: sceneImage(FIRST_SCENE), params: { errors: flag(false) } },
};
