/**
 * The experiment's figures, measured on fixed splits after every epoch:
 * accuracy on held-out scenes of the training styles (the card's check split:
 * the first 500 of seed 90001), accuracy on the unseen emoji style (the first
 * 500 of seed 90002), and the CAM pointing game on the card's 500 scenes of
 * 2-3 objects (seed 90003), both on the exact visible mask and within
 * POINTING_TOLERANCE pixels of it. The pointing protocol is scripts/train/
 * pointing.ts's, computed in one batch: every object's own-class CAM,
 * upsampled bilinearly to the scene, its first maximum located on the backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { UNSEEN_STYLE, type ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt, sceneBatch, type Scene } from '../../data/objects.ts';
import { camHead } from '../../explain/cam-head.ts';
import { POINTING_TOLERANCE } from '../../shared/pointing-tolerance.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import { accuracy } from '../evaluate.ts';
import type { Batch } from '../source.ts';
import { camLayer, type ModelSpec } from '../specs.ts';

/** Images per split (the pointing game: scenes). */
export const LAB_EVAL_COUNT = 500;

export interface LabFigures {
  heldOut: number;
  unseen: number;
  /** Fraction of objects whose own-class CAM peaks on their visible mask. */
  pointing: number;
  /** ... within POINTING_TOLERANCE pixels of it. */
  pointingTolerant: number;
}

export interface LabSplits {
  heldOut: Batch;
  unseen: Batch;
  scenes: Scene[];
}

/** The three fixed splits (about 5 s to draw on one core). */
export function labSplits(atlas: ObjectAtlas, count = LAB_EVAL_COUNT): LabSplits {
  const { heldOut, unseenStyle, scenes } = OBJECTS_SPLITS;
  return {
    heldOut: sceneBatch(atlas, heldOut.seed, 0, count),
    unseen: sceneBatch(atlas, unseenStyle.seed, 0, count, { styles: [UNSEEN_STYLE] }),
    scenes: Array.from({ length: count }, (_, i) => sceneAt(atlas, scenes.seed, i, { count: 2 + (i % 2) })),
  };
}

/**
 * One object's turn in the pointing game: whether pixel `peak` of a size x
 * size grid lies within `tolerance` pixels (Euclidean, in whole pixels) of a
 * pixel of the object's mask; tolerance 0 asks for the peak on the mask itself.
 *
 * @equation lab-pointing-hit
 * @param mask [size * size], row-major, non-zero on the object's visible pixels
 * @param peak the row-major index of the CAM's maximum
 */
export function nearMask(mask: Uint8Array, size: number, peak: number, tolerance: number): boolean {
  const row = Math.floor(peak / size);
  const col = peak % size;
  const r = Math.floor(tolerance);
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const y = row + dy;
      const x = col + dx;
      if (y >= 0 && y < size && x >= 0 && x < size && mask[y * size + x] && Math.hypot(dy, dx) <= tolerance) return true;
    }
  }
  return false;
}

/**
 * Pointing game over `scenes` (Zhang et al., ECCV 2016 and IJCV 2018): each
 * object against the peak of its own class's CAM, upsampled to
 * the scene; the figures are the shares of objects hit on the exact mask and
 * within POINTING_TOLERANCE pixels of it.
 *
 * @equation lab-pointing-score
 * @param scenes N scenes of size x size with their objects' masks; the model's CAM is [N, h, w, classes]
 */
export async function labPointing(model: tfl.LayersModel, spec: ModelSpec, scenes: Scene[], chunk = 100): Promise<Pick<LabFigures, 'pointing' | 'pointingTolerant'>> {
  const { classes, cams } = camHead(model, camLayer(spec));
  const size = scenes[0]!.size;
  let hits = 0;
  let near = 0;
  let total = 0;
  for (let s = 0; s < scenes.length; s += chunk) {
    const part = scenes.slice(s, s + chunk);
    const rows = part.flatMap((scene, i) => scene.objects.map((o) => i * classes + o.classIndex));
    const peaks = tf.tidy(() => {
      const pixels = new Float32Array(part.length * size * size * 3);
      part.forEach((scene, i) => pixels.set(scene.image, i * size * size * 3));
      const maps = tf.image.resizeBilinear(cams(tf.tensor4d(pixels, [part.length, size, size, 3])), [size, size], false, true);
      // [n, classes, size * size]: one row per (scene, class); keep each object's own class.
      const flat = tf.reshape(tf.transpose(maps, [0, 3, 1, 2]), [part.length * classes, size * size]);
      return tf.argMax(tf.gather(flat, tf.tensor1d(rows, 'int32')), 1);
    });
    const at = (await peaks.data()) as Int32Array;
    peaks.dispose();
    let k = 0;
    for (const scene of part) {
      for (const object of scene.objects) {
        const peak = at[k++]!;
        if (object.mask[peak]) hits++;
        if (nearMask(object.mask, size, peak, POINTING_TOLERANCE)) near++;
        total++;
      }
    }
  }
  return { pointing: hits / total, pointingTolerant: near / total };
}

/** All four figures of `model` on `splits`. */
export async function labFigures(model: tfl.LayersModel, spec: ModelSpec, splits: LabSplits): Promise<LabFigures> {
  const heldOut = await accuracy(model, splits.heldOut, spec.inputShape);
  const unseen = await accuracy(model, splits.unseen, spec.inputShape);
  return { heldOut, unseen, ...(await labPointing(model, spec, splits.scenes)) };
}
