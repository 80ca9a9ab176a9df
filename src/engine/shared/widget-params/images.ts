import { z } from '../zod.ts';
import { OBJECTS_SPLITS } from '../splits.ts';
import type { ImageRef } from '../state.ts';
import type { Field, Words } from './fields.ts';

/** Ids of the bundled photos, in picker order (src/components/ui/photos.json; a unit test keeps the two equal). */
export const PHOTO_IDS = ['camera', 'cat', 'coffee', 'rocket'] as const;

/**
 * The held-out Glassbox Objects streams a scene picker offers, with how many
 * images each split has: one object in the training styles, scenes of 2 or 3,
 * or 1 to 3 objects in the unseen style.
 */
export const SCENE_DATASETS: Readonly<Record<string, number>> = {
  'objects-held-out-1': OBJECTS_SPLITS.heldOut.count,
  'objects-scenes-2': OBJECTS_SPLITS.scenes.count,
  'objects-scenes-3': OBJECTS_SPLITS.scenes.count,
  'objects-unseen-1': OBJECTS_SPLITS.unseenStyle.count,
  'objects-unseen-2': OBJECTS_SPLITS.unseenStyle.count,
  'objects-unseen-3': OBJECTS_SPLITS.unseenStyle.count,
};

/** The scene a scene widget starts from: the first two-object held-out scene. */
export const FIRST_SCENE: ImageRef = { kind: 'dataset', dataset: 'objects-scenes-2', index: 0 };
/** The first single-object held-out image. */
export const FIRST_OBJECT: ImageRef = { kind: 'dataset', dataset: 'objects-held-out-1', index: 0 };

const photo = z.object({ kind: z.literal('photo'), id: z.literal(PHOTO_IDS) });
/** An own image is usable only with its pixels, which a saved state keeps and a link never carries. */
const savedUpload = z.object({ kind: z.literal('upload'), name: z.string(), dataUrl: z.string().check(z.startsWith('data:image/')) });
const scene = z
  .object({ kind: z.literal('dataset'), dataset: z.string(), index: z.int() })
  .check(z.refine(({ dataset, index }) => Object.hasOwn(SCENE_DATASETS, dataset) && index >= 0 && index < SCENE_DATASETS[dataset]!));

function reason(value: unknown): Words | undefined {
  const ref = value as Partial<Record<string, unknown>>;
  if (ref['kind'] === 'upload' && typeof ref['dataUrl'] !== 'string') return { key: 'why.notInLink' };
  if (ref['kind'] === 'dataset' && typeof ref['dataset'] === 'string' && Object.hasOwn(SCENE_DATASETS, ref['dataset'])) {
    return { key: 'why.notImageOf', vars: { dataset: ref['dataset'], last: SCENE_DATASETS[ref['dataset']]! - 1 } };
  }
  return undefined;
}

/** A photo widget's image: a bundled photo, or the reader's own image saved in this browser. */
export function photoImage(fallback: ImageRef): Field {
  return { schema: z.union([photo, savedUpload]), fallback, expected: { key: 'expected.photo', vars: { ids: PHOTO_IDS.join(', ') } }, reason };
}

/** A scene widget's image: a held-out Glassbox Objects image, and for some widgets the reader's own. */
export function sceneImage(fallback: ImageRef, options: { uploads?: boolean } = {}): Field {
  const names = Object.keys(SCENE_DATASETS).join(', ');
  return {
    schema: options.uploads ? z.union([scene, savedUpload]) : scene,
    fallback,
    expected: { key: options.uploads ? 'expected.heldOutOrSaved' : 'expected.heldOut', vars: { names } },
    reason,
  };
}
