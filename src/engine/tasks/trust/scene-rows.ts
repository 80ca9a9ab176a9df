import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { PointingResult } from '../../explain/metrics.ts';
import { classProbability } from '../../probe/class-probability.ts';
import { CurveRun, curvePasses } from './curves.ts';
import { MapRun, mapSteps, TRUST_METHODS, type AnyMapMethod } from './maps.ts';
import { pointAt, sceneImages, type TrustScene } from './scene.ts';

/** One pointing-game trial: an object of a scene, and where the method's map for its class peaks. */
export interface PointingTrial {
  scene: number;
  classIndex: number;
  hit: boolean;
  row: number;
  col: number;
}

export interface MethodRow {
  method: AnyMapMethod;
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

export interface RowSettings {
  /** Curve points after the start. */
  steps: number;
  seed: number;
  smoothSamples: number;
  /** The rows, in order (default: the trust lesson's five); the ViT's rollouts need a ViT model. */
  methods?: readonly AnyMapMethod[];
}

/** The methods a table measures, in row order. */
export function tableMethods(settings: Pick<RowSettings, 'methods'>): readonly AnyMapMethod[] {
  return settings.methods ?? TRUST_METHODS.map(({ id }) => id);
}

/** Curve points per forward pass. */
const BATCH = 4;

/** Steps one scene of `objects` objects takes once opened: every method's map of every object, then its curves. */
export function sceneSteps(objects: number, settings: RowSettings): number {
  const methods = tableMethods(settings);
  const perObject = methods.reduce((sum, id) => sum + mapSteps(id, settings), 0);
  return objects * perObject + methods.length * curvePasses({ steps: settings.steps, batchSize: BATCH });
}

/**
 * One scene of the method table, measured a step at a time: for each method
 * in turn, each object's map (a step, or one per SmoothGrad sample) and its
 * pointing-game trial, then the deletion and insertion curves (a forward pass
 * a step) of the object the model finds most probable. Adds to `rows` as it
 * goes; holds the scene's tensors until disposed.
 */
export class SceneRows {
  private row = 0;
  private object = 0;
  private run: MapRun | undefined;
  private targetMap: tf.Tensor2D | undefined;
  private curves: CurveRun | undefined;
  private left: number;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly scene: TrustScene,
    private readonly index: number,
    private readonly rows: MethodRow[],
    private readonly settings: RowSettings,
    private readonly classes: number[],
    /** The scene's image once per object, [objects, H, W, 3], and once, [H, W, 3]. */
    private readonly images: tf.Tensor4D,
    private readonly image: tf.Tensor3D,
    private readonly target: number,
  ) {
    this.left = sceneSteps(classes.length, settings);
  }

  /** Makes the scene's tensors and finds the object whose curves are measured. */
  static async open(model: tfl.LayersModel, scene: TrustScene, index: number, rows: MethodRow[], settings: RowSettings): Promise<SceneRows> {
    const classes = scene.objects.map((object) => object.classIndex);
    const images = tf.tidy(() => sceneImages([scene]).tile([classes.length, 1, 1, 1]) as tf.Tensor4D);
    const image = tf.tidy(() => images.slice([0], [1]).squeeze([0]) as tf.Tensor3D);
    try {
      const probabilities = classProbability(model, images, classes);
      const p = await probabilities.data();
      probabilities.dispose();
      return new SceneRows(model, scene, index, rows, settings, classes, images, image, p.indexOf(Math.max(...p)));
    } catch (error) {
      tf.dispose([images, image]);
      throw error;
    }
  }

  remaining(): number {
    return this.left;
  }

  async step(): Promise<void> {
    if (this.left === 0) return;
    const row = this.rows[this.row]!;
    if (this.curves) await this.curveStep(row, this.curves);
    else await this.mapStep(row);
    this.left--;
  }

  private async mapStep(row: MethodRow): Promise<void> {
    const o = this.object;
    if (!this.run) {
      // Seeds differ per scene and object, so the random map is fresh noise for every trial.
      const seed = this.settings.seed * 100_003 + this.index * 4 + o;
      const one = this.images.slice([o], [1]) as tf.Tensor4D;
      try {
        this.run = new MapRun(this.model, one, [this.classes[o]!], row.method, { seed, smoothSamples: this.settings.smoothSamples, sigma: 0.15 });
      } finally {
        one.dispose();
      }
    }
    await this.run.step();
    if (this.run.remaining() > 0) return;
    const maps = this.run.take();
    this.run.dispose();
    this.run = undefined;
    const map = tf.tidy(() => maps.squeeze([0]) as tf.Tensor2D);
    maps.dispose();
    // Only the target's map is kept, for its curves.
    if (o === this.target) this.targetMap = map;
    let found: PointingResult;
    try {
      found = await pointAt(map, this.scene.objects[o]!.mask);
    } finally {
      if (o !== this.target) map.dispose();
    }
    row.trials.push({ scene: this.index, classIndex: this.classes[o]!, hit: found.hit, row: found.row, col: found.col });
    if (++this.object < this.classes.length) return;
    this.object = 0;
    const target = this.targetMap!;
    this.targetMap = undefined;
    try {
      this.curves = await CurveRun.start(this.model, this.image, this.classes[this.target]!, target, { steps: this.settings.steps, batchSize: BATCH });
    } finally {
      target.dispose();
    }
  }

  private async curveStep(row: MethodRow, curves: CurveRun): Promise<void> {
    await curves.step();
    if (curves.remaining() > 0) return;
    const { deletionAuc, insertionAuc } = curves.result();
    row.deletionAucs.push(deletionAuc);
    row.insertionAucs.push(insertionAuc);
    curves.dispose();
    this.curves = undefined;
    this.row++;
  }

  dispose(): void {
    this.run?.dispose();
    this.curves?.dispose();
    tf.dispose([this.images, this.image, ...(this.targetMap ? [this.targetMap] : [])]);
  }
}
