import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { PointingResult } from '../../explain/metrics.ts';
import { classProbability } from '../../probe/class-probability.ts';
import type { Session } from '../../runtime/session.ts';
import { badArgument, GlassboxError } from '../../shared/errors.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import type { ModelSource } from '../scene-input.ts';
import { CurveRun, curvePasses, type Curves } from './curves.ts';
import { MapRun, mapSteps, type TrustMethod } from './maps.ts';
import { objectOf, pointAt, sceneImage, sceneModel, type TrustScene } from './scene.ts';

export interface DeletionInsertionArgs {
  scene: TrustScene;
  objectIndex: number;
  method: TrustMethod;
  /** Curve points after the start. */
  steps: number;
  seed: number;
  smoothSamples: number;
  /** The model to test (the course model unless a test passes one). */
  model?: ModelSource;
}

export interface DeletionInsertionProgress {
  /** p(c | x) along each curve so far, NaN where not yet computed. */
  deletion: Float32Array;
  insertion: Float32Array;
  /** Steps done and in all: the map's steps, then one per forward pass of the curves. */
  done: number;
  total: number;
}

export interface DeletionInsertionResult extends Curves {
  classIndex: number;
  /** The map over the image, RGBA bytes [size, size, 4]. */
  overlay: Uint8ClampedArray;
  pointing: PointingResult;
  /** p(c | x) of the untouched image. */
  probability: number;
}

/** Curve points per forward pass: one pass stays well under 50 ms on wasm. */
const BATCH = 4;

/**
 * The deletion / insertion figure as a session: one method's map for one
 * object of a scene (a step per SmoothGrad sample, else one), the pointing
 * game against the object's mask, then both curves, a forward pass of
 * BATCH points a step, with their areas.
 */
export async function deletionInsertion(args: DeletionInsertionArgs): Promise<DeletionInsertion> {
  const { classIndex, mask } = objectOf(args.scene, args.objectIndex, 'deletionInsertion');
  if (!Number.isInteger(args.steps) || args.steps < 1) throw badArgument('deletionInsertion', 'steps', 'an integer >= 1', args.steps);
  const model = await sceneModel(args.model);
  const image = sceneImage(args.scene);
  try {
    return new DeletionInsertion(model, image, classIndex, mask, args);
  } catch (error) {
    image.dispose();
    throw error;
  }
}

export class DeletionInsertion implements Session<DeletionInsertionProgress, DeletionInsertionResult> {
  private readonly batch: tf.Tensor4D;
  private map: MapRun | undefined;
  private curves: CurveRun | undefined;
  private found: Omit<DeletionInsertionResult, keyof Curves | 'classIndex'> | undefined;
  private readonly total: number;
  private done = 0;

  constructor(
    private readonly model: tfl.LayersModel,
    private readonly image: tf.Tensor3D,
    private readonly classIndex: number,
    private readonly mask: Uint8Array,
    private readonly args: DeletionInsertionArgs,
  ) {
    this.batch = image.expandDims(0) as tf.Tensor4D;
    const options = { seed: args.seed, smoothSamples: args.smoothSamples, sigma: 0.15 };
    try {
      this.map = new MapRun(model, this.batch, [classIndex], args.method, options);
    } catch (error) {
      this.batch.dispose();
      throw error;
    }
    this.total = mapSteps(args.method, options) + curvePasses({ steps: args.steps, batchSize: BATCH });
  }

  remaining(): number {
    return this.total - this.done;
  }

  async step(n: number): Promise<void> {
    for (let i = 0; i < n && this.remaining() > 0; i++) {
      if (this.map) {
        await this.map.step();
        if (this.map.remaining() === 0) await this.mapDone(this.map);
      } else {
        await this.curves!.step();
      }
      this.done++;
    }
  }

  /** The finished map: its overlay, the clean probability and the pointing game, read back together; then the curves can start. */
  private async mapDone(run: MapRun): Promise<void> {
    const maps = run.take();
    run.dispose();
    this.map = undefined;
    const map = tf.tidy(() => maps.squeeze([0]) as tf.Tensor2D);
    maps.dispose();
    try {
      const clean = classProbability(this.model, this.batch, this.classIndex);
      const [values, probability, pointing] = await Promise.all([map.data<'float32'>(), clean.data(), pointAt(map, this.mask)]);
      clean.dispose();
      this.found = { overlay: overlayHeatmap(this.args.scene.image, values), pointing, probability: probability[0]! };
      this.curves = await CurveRun.start(this.model, this.image, this.classIndex, map, { steps: this.args.steps, batchSize: BATCH });
    } finally {
      map.dispose();
    }
  }

  /** Copies of the curves so far: the session goes on filling its own. */
  async progress(): Promise<DeletionInsertionProgress> {
    const empty = () => new Float32Array(this.args.steps + 1).fill(NaN);
    const deletion = this.curves ? this.curves.deletion.slice() : empty();
    const insertion = this.curves ? this.curves.insertion.slice() : empty();
    return { deletion, insertion, done: this.done, total: this.total };
  }

  /** The figure; the areas are NaN until the curves are complete. */
  async read(): Promise<DeletionInsertionResult> {
    if (!this.found || !this.curves) throw new GlassboxError('out-of-order', 'deletionInsertion: the map is not finished yet; read after the session ends', { where: 'deletionInsertion' });
    const { deletion, insertion, deletionAuc, insertionAuc } = this.curves.result();
    return { deletion: deletion.slice(), insertion: insertion.slice(), deletionAuc, insertionAuc, classIndex: this.classIndex, ...this.found };
  }

  dispose(): void {
    this.map?.dispose();
    this.curves?.dispose();
    tf.dispose([this.image, this.batch]);
  }
}
