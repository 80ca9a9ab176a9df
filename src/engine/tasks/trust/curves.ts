import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { curveAuc, deletionCurve, insertionCurve, pixelOrder, type CurveBatch } from '../../explain/metrics.ts';
import { classProbability } from '../../probe/class-probability.ts';

export type CurveKind = 'deletion' | 'insertion';

export interface CurveOptions {
  /** Curve points after the start: step k deletes (or reveals) round(k N / steps) of the N pixels. */
  steps: number;
  /** Images per forward pass: small enough that one pass stays well under 50 ms. */
  batchSize: number;
}

export interface Curves {
  /** p(c | x) after deleting the top k/steps of the pixels, k = 0 .. steps. */
  deletion: Float32Array;
  /** p(c | x) after revealing the top k/steps of the pixels on the blurred image. */
  insertion: Float32Array;
  deletionAuc: number;
  insertionAuc: number;
}

/**
 * Insertion's starting canvas: the image blurred by two 7 x 7 box filters
 * (about a Gaussian with sigma 2.8 px), as Petsiuk et al. start insertion
 * from a blurred copy so that the object's shape is gone but its colours are not.
 *
 * @param image [H, W, C]
 * @returns [H, W, C]; the caller owns it
 */
export function blurredBaseline(image: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const once = tf.avgPool(image, 7, 1, 'same');
    return tf.avgPool(once, 7, 1, 'same') as tf.Tensor3D;
  });
}

/** Forward passes of both curves: each curve's steps + 1 points in batches of `batchSize`. */
export function curvePasses(options: CurveOptions): number {
  return 2 * Math.ceil((options.steps + 1) / options.batchSize);
}

/**
 * Deletion and insertion curves of one map for one image and class, one
 * forward pass of `batchSize` images a step (deletion first), so a session
 * can give the page a turn between passes and show the curves as they grow.
 * Deletion fills removed pixels with 0 (black). Holds tensors until disposed.
 */
export class CurveRun {
  /** Scores so far, NaN where not yet computed. */
  readonly deletion: Float32Array;
  readonly insertion: Float32Array;
  private readonly batches: Generator<CurveBatch & { kind: CurveKind }, void, undefined>;
  private left: number;

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly image: tf.Tensor3D,
    private readonly baseline: tf.Tensor3D,
    private readonly classIndex: number,
    order: Int32Array,
    options: CurveOptions,
  ) {
    this.deletion = new Float32Array(options.steps + 1).fill(NaN);
    this.insertion = new Float32Array(options.steps + 1).fill(NaN);
    const shape = { steps: options.steps, batchSize: options.batchSize };
    // Both made now, so a bad argument is refused here rather than halfway through.
    const deletion = deletionCurve(image, order, { ...shape, fill: 0 });
    const insertion = insertionCurve(image, order, { ...shape, baseline });
    this.batches = (function* () {
      for (const batch of deletion) yield { ...batch, kind: 'deletion' as const };
      for (const batch of insertion) yield { ...batch, kind: 'insertion' as const };
    })();
    this.left = curvePasses(options);
  }

  /**
   * @param image [H, W, 3] (the run keeps its own reference); map [H, W], the explanation to test (read once, here)
   */
  static async start(model: tfl.LayersModel, image: tf.Tensor3D, classIndex: number, map: tf.Tensor2D, options: CurveOptions): Promise<CurveRun> {
    const order = await pixelOrder(map);
    const own = image.clone();
    const baseline = blurredBaseline(own);
    try {
      return new CurveRun(model, own, baseline, classIndex, order, options);
    } catch (error) {
      tf.dispose([own, baseline]);
      throw error;
    }
  }

  /** Forward passes left. */
  remaining(): number {
    return this.left;
  }

  /** One forward pass: the next `batchSize` points of deletion, then of insertion. */
  async step(): Promise<void> {
    const next = this.batches.next();
    if (next.done) return;
    const { images, start, kind } = next.value;
    let probabilities: tf.Tensor1D;
    try {
      probabilities = classProbability(this.model, images, this.classIndex);
    } finally {
      images.dispose();
    }
    const values = await probabilities.data();
    probabilities.dispose();
    this[kind].set(values, start);
    this.left--;
  }

  /** Both curves and their areas, once `remaining()` is 0. */
  result(): Curves {
    return { deletion: this.deletion, insertion: this.insertion, deletionAuc: curveAuc(this.deletion), insertionAuc: curveAuc(this.insertion) };
  }

  dispose(): void {
    this.batches.return();
    tf.dispose([this.image, this.baseline]);
  }
}
