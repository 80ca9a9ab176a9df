import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { OcclusionAccumulator, occlusionPlan, patchMasks, positionCount, type OcclusionPlan } from '../explain/occlusion.ts';
import type { Session } from '../runtime/session.ts';
import { badArgument } from '../shared/errors.ts';
import { overlayHeatmap } from '../tensor/heatmap.ts';
import { occlude, scoresOf, type ClassScore } from './occlusion-tasks.ts';
import { readMaps, type MapView } from './read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from './scene-input.ts';

/** What the sweep has computed so far; `grid` and `overlay` are complete once done = total. */
export interface SweepProgress {
  plan: OcclusionPlan;
  done: number;
  total: number;
  baseline: ClassScore;
  /** d_c at each patch position, [rows, cols] (0 where not yet computed). */
  grid: MapView;
  /** Each pixel's mean drop over the patches covering it, as heat over the image; RGBA bytes. */
  overlay: Uint8ClampedArray;
  /** Forward passes so far (one per batch). */
  batches: number;
  /** The longest synchronous part of one batch, in ms: the page was blocked at most this long by the sweep. */
  longestBatchMs: number;
}

export interface SweepArgs {
  /** 64 x 64 x 3 floats in [0, 1], row-major. */
  image: Float32Array;
  classIndex: number;
  patch: number;
  stride: number;
  /** Grey level written under the patch, in [0, 1]. */
  fill: number;
  /** The model (the course's objects-cnn unless a test passes one). */
  model?: ModelSource;
}

/** Largest batch of occluded copies: beyond it a batch gains little and holds a GPU queue too long. */
const MAX_BATCH = 64;

/**
 * The occlusion map of Zeiler & Fergus (2014, Sec. 4.2) as a session: the drop
 * of the class score when a grey square hides the patch at position p,
 *   d_c(p) = S_c(I) - S_c(I ⊙ (1 - M_p) + g M_p),
 * for every position on a grid of the given stride. One step is one position;
 * a chunk of steps goes through the model as one batch (one forward pass).
 *
 * @equation occlusion-map
 */
export async function occlusionSweep(args: SweepArgs): Promise<OcclusionSweep> {
  const model = await resolveModel(args.model ?? SALIENCY_MODEL);
  checkClass('occlusionSweep', model, args.classIndex);
  if (!(args.fill >= 0 && args.fill <= 1)) throw badArgument('occlusionSweep', 'fill', 'a grey level in [0, 1]', args.fill);
  const x = imageTensor(args.image, 'occlusionSweep');
  const plan = occlusionPlan(x.shape[0], x.shape[1], args.patch, args.stride);
  const first = tf.tidy(() => scoresOf(model, x.expandDims(0) as tf.Tensor4D, args.classIndex));
  const [score, probability] = (await first.data()) as unknown as number[];
  first.dispose();
  return new OcclusionSweep(model, args, x, plan, { score: score!, probability: probability! });
}

export class OcclusionSweep implements Session<SweepProgress, SweepProgress> {
  private readonly acc: OcclusionAccumulator;
  private readonly total: number;
  private batches = 0;
  private longest = 0;
  private lastBatch = 1;

  constructor(
    private readonly model: LayersModel,
    private readonly args: SweepArgs,
    private readonly x: tf.Tensor3D,
    readonly plan: OcclusionPlan,
    readonly baseline: ClassScore,
  ) {
    this.acc = new OcclusionAccumulator(plan);
    this.total = positionCount(plan);
  }

  remaining(): number {
    return this.total - this.acc.done;
  }

  /**
   * One forward pass over up to `n` positions: at most twice the last batch
   * (single timings are noisy on a busy machine), rounded down to a power of
   * two so backends that prepare work per shape (XNNPACK operators, WebGL
   * programs) see only a few shapes.
   */
  async step(n: number): Promise<void> {
    const start = this.acc.done;
    // At least two copies a pass: one pass of two costs less than two passes, and two stay within a cancel's wait.
    const fits = Math.min(Math.max(n, 2), 2 * this.lastBatch, MAX_BATCH, this.remaining());
    const count = 2 ** Math.floor(Math.log2(Math.max(1, fits)));
    const began = performance.now();
    const drops = tf.tidy(() => {
      const copies = occlude(this.x, patchMasks(this.plan, start, count), count, this.args.fill);
      return scoresOf(this.model, copies, this.args.classIndex).slice([0, 0], [1, count]).reshape([count]).neg().add(this.baseline.score) as tf.Tensor1D;
    });
    this.acc.add({ start, count }, drops);
    drops.dispose();
    // The synchronous part holds the thread: on wasm and cpu it is all the arithmetic, on a GPU only the dispatch.
    this.longest = Math.max(this.longest, performance.now() - began);
    this.batches++;
    this.lastBatch = count;
  }

  /** Grid and overlay so far, in one readback. */
  async progress(): Promise<SweepProgress> {
    const heat = tf.tidy(() => {
      const map = this.acc.readMap();
      // Only drops are drawn as heat (a patch that raises the score is shown as no heat), scaled by the largest.
      return map.relu().div(map.max().maximum(1e-6));
    });
    const [[grid], values] = await Promise.all([readMaps([this.acc.readGrid()]), heat.data<'float32'>()]);
    heat.dispose();
    return {
      plan: this.plan, done: this.acc.done, total: this.total, baseline: this.baseline, grid: grid!,
      overlay: overlayHeatmap(this.args.image, values), batches: this.batches, longestBatchMs: this.longest,
    };
  }

  read(): Promise<SweepProgress> {
    return this.progress();
  }

  dispose(): void {
    this.acc.dispose();
    this.x.dispose();
  }
}
