import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { classProbability } from '../../probe/class-probability.ts';
import { curves } from './curves.ts';
import { explanationMaps, TRUST_METHODS, type TrustMethod } from './maps.ts';
import { pace } from './pace.ts';
import { POINTING_TOLERANCE } from '../../shared/pointing-tolerance.ts';
import { pointAt, sceneImages, sceneModel, type TrustScene } from './scene.ts';

export interface TableOptions {
  steps: number;
  seed: number;
  smoothSamples: number;
  model?: string;
  /** Called after each scene with the rows so far and the scenes done. */
  onProgress?: (table: MethodTable, done: number, total: number) => void;
}

export interface MethodTable {
  rows: MethodRow[];
  /** Scenes measured so far. */
  scenes: number;
  /**
   * The pointing accuracy a peak placed uniformly at random would score on
   * these objects: the mean fraction of pixels within the tolerance of each mask.
   */
  chance: number;
}

/** One pointing-game trial: an object of a scene, and where the method's map for its class peaks. */
export interface PointingTrial {
  scene: number;
  classIndex: number;
  hit: boolean;
  row: number;
  col: number;
}

export interface MethodRow {
  method: TrustMethod;
  label: string;
  trials: PointingTrial[];
  /** Hits / trials: every object of every scene counts once. */
  pointing: number;
  /** One area per scene, for the object the model finds most probable. */
  deletionAucs: number[];
  insertionAucs: number[];
  deletionAuc: number;
  insertionAuc: number;
}

/**
 * The comparison table on a held-out batch: for every method, pointing-game
 * accuracy over all objects, and mean deletion and insertion AUC over the
 * scenes (each scene's curves follow the present class the model rates most
 * probable). One scene at a time, with pauses: it can be watched and stopped.
 */
export async function methodTable(scenes: readonly TrustScene[], options: TableOptions, signal?: AbortSignal): Promise<MethodTable> {
  const model = await sceneModel(options.model);
  const rows: MethodRow[] = TRUST_METHODS.map(({ id, label }) => ({ method: id, label, trials: [], pointing: NaN, deletionAucs: [], insertionAucs: [], deletionAuc: NaN, insertionAuc: NaN }));
  const chances: number[] = [];
  const table: MethodTable = { rows, scenes: 0, chance: NaN };
  for (let s = 0; s < scenes.length; s++) {
    const scene = scenes[s]!;
    await sceneRows(model, scene, s, rows, options, signal);
    for (const row of rows) summarise(row);
    chances.push(...scene.objects.map((object) => pointingChance(object.mask, scene.size, POINTING_TOLERANCE)));
    table.scenes = s + 1;
    table.chance = chances.reduce((a, b) => a + b, 0) / chances.length;
    options.onProgress?.(table, s + 1, scenes.length);
  }
  return table;
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

async function sceneRows(model: tfl.LayersModel, scene: TrustScene, index: number, rows: MethodRow[], options: TableOptions, signal?: AbortSignal): Promise<void> {
  const classes = scene.objects.map((object) => object.classIndex);
  const images = tf.tidy(() => sceneImages([scene]).tile([classes.length, 1, 1, 1]) as tf.Tensor4D);
  const image = images.slice([0], [1]).squeeze([0]) as tf.Tensor3D;
  try {
    const probabilities = classProbability(model, images, classes);
    const p = await probabilities.data();
    probabilities.dispose();
    const target = p.indexOf(Math.max(...p));
    for (const row of rows) {
      // Seeds differ per scene and object, so the random map is fresh noise for every trial.
      const maps: tf.Tensor2D[] = [];
      try {
        // One object per pass keeps each uninterrupted stretch of work short.
        for (let o = 0; o < classes.length; o++) {
          const seed = options.seed * 100_003 + index * 4 + o;
          const one = images.slice([o], [1]) as tf.Tensor4D;
          const map = await explanationMaps(model, one, [classes[o]!], row.method, { seed, smoothSamples: options.smoothSamples, sigma: 0.15, signal }).finally(() => one.dispose());
          maps.push(tf.tidy(() => map.squeeze([0]) as tf.Tensor2D));
          map.dispose();
          const { hit, row: r, col } = await pointAt(maps[o]!, scene.objects[o]!.mask);
          row.trials.push({ scene: index, classIndex: classes[o]!, hit, row: r, col });
          await pace(signal, 'methodTable');
        }
        const result = await curves(model, image, classes[target]!, maps[target]!, { steps: options.steps, batchSize: 4, signal });
        row.deletionAucs.push(result.deletionAuc);
        row.insertionAucs.push(result.insertionAuc);
      } finally {
        tf.dispose(maps);
      }
    }
  } finally {
    tf.dispose([images, image]);
  }
}

function summarise(row: MethodRow): void {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  row.pointing = row.trials.filter((trial) => trial.hit).length / row.trials.length;
  row.deletionAuc = mean(row.deletionAucs);
  row.insertionAuc = mean(row.insertionAucs);
}
