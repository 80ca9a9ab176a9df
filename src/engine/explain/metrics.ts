import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';
import { maskedCopies } from './occlusion.ts';

/**
 * How far to trust a heatmap: checks that compare a map with where the object
 * is (pointing game) or with what the model does when the map's top pixels are
 * removed or revealed (deletion / insertion). Forward passes are the caller's.
 */

export interface PointingResult {
  hit: boolean;
  /** Where the map peaks (the first maximum in row-major order). */
  row: number;
  col: number;
}

/**
 * Pointing game (Zhang et al. 2016, "Top-down neural attention by excitation
 * backprop", ECCV) on tensors: reads both maps back once; see pointingOn.
 *
 * @param map [H, W], any scale
 * @param mask [H, W], > 0 on the object
 */
export async function pointingGame(map: tf.Tensor2D, mask: tf.Tensor2D, tolerance = 0): Promise<PointingResult> {
  if (map.rank !== 2) throw badArgument('pointingGame', 'map', 'a tensor [H, W]', `[${map.shape}]`);
  if (mask.shape.join() !== map.shape.join()) throw badArgument('pointingGame', 'mask', `shape [${map.shape}]`, `[${mask.shape}]`);
  if (!(tolerance >= 0)) throw badArgument('pointingGame', 'tolerance', 'pixels >= 0', tolerance);
  const [values, inside] = await Promise.all([map.data(), mask.data()]);
  return pointingOn(values, inside, map.shape[1], tolerance);
}

/**
 * Pointing game on maps already read back: a hit when the map's maximum falls
 * on the object, i.e. inside the mask or within `tolerance` pixels of it (the
 * paper uses 15 px on full-size images).
 *
 * @equation pointing-game
 * @param values H * W, any scale, row-major
 * @param inside H * W, > 0 on the object
 * @param width W
 */
export function pointingOn(values: ArrayLike<number>, inside: ArrayLike<number>, width: number, tolerance = 0): PointingResult {
  if (inside.length !== values.length) throw badArgument('pointingOn', 'inside', `${values.length} values`, inside.length);
  if (!(tolerance >= 0)) throw badArgument('pointingOn', 'tolerance', 'pixels >= 0', tolerance);
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  const row = Math.floor(best / width);
  const col = best % width;
  let hit = false;
  for (let i = 0; i < inside.length && !hit; i++) {
    hit = inside[i]! > 0 && Math.hypot(Math.floor(i / width) - row, (i % width) - col) <= tolerance;
  }
  return { hit, row, col };
}

/**
 * Pixel indices (row-major) from most to least salient; ties keep index
 * order, so the sequence is the same on every backend. The order in which
 * deletion removes, and insertion reveals, pixels (Petsiuk et al. 2018, Sec. 4.1).
 *
 * @param map [H, W]
 */
export async function pixelOrder(map: tf.Tensor2D): Promise<Int32Array> {
  if (map.rank !== 2) throw badArgument('pixelOrder', 'map', 'a tensor [H, W]', `[${map.shape}]`);
  const values = await map.data();
  const order = Int32Array.from(values.keys());
  return order.sort((a, b) => values[b]! - values[a]! || a - b);
}

export interface CurveOptions {
  /** Points on the curve after the start: step k changes round(k N / steps) pixels, k = 0 .. steps. */
  steps: number;
  /** Images per yielded batch (one forward pass each). */
  batchSize: number;
}

/** Images for curve points start .. start + count - 1; the caller owns `images`. */
export interface CurveBatch {
  images: tf.Tensor4D;
  start: number;
  count: number;
}

/**
 * Deletion (Petsiuk et al. 2018, Sec. 4.1): step k sets the k/steps most
 * salient fraction of pixels to `fill`. A faithful map makes the score fall
 * fast: a low area under the curve is good.
 *
 * @param image [H, W, C]
 * @param order from `pixelOrder`
 */
export function deletionCurve(image: tf.Tensor3D, order: Int32Array, options: CurveOptions & { fill: number }): Generator<CurveBatch, void, undefined> {
  return curveBatches('deletionCurve', image, order, options, (changed, count) => maskedCopies(image, changed, count, options.fill));
}

/**
 * Insertion (Petsiuk et al. 2018, Sec. 4.1): starts from `baseline` (the paper
 * blurs the image) and reveals the k/steps most salient fraction of the real
 * pixels at step k. A faithful map makes the score rise fast: a high area is good.
 *
 * @param image [H, W, C]; baseline the same shape
 */
export function insertionCurve(image: tf.Tensor3D, order: Int32Array, options: CurveOptions & { baseline: tf.Tensor3D }): Generator<CurveBatch, void, undefined> {
  const { baseline } = options;
  if (baseline.shape.join() !== image.shape.join()) throw badArgument('insertionCurve', 'baseline', `shape [${image.shape}]`, `[${baseline.shape}]`);
  return curveBatches('insertionCurve', image, order, options, (changed, count) => maskedCopies(baseline, changed, count, image));
}

/**
 * Area under a curve of scores at evenly spaced fractions 0, 1/steps, ..., 1,
 * by the trapezoid rule: AUC = (1/steps) sum_k (s_k + s_{k+1}) / 2.
 *
 * @equation deletion-insertion-auc
 * @param scores steps + 1 class scores (or probabilities), one per curve point
 */
export function curveAuc(scores: ArrayLike<number>): number {
  if (scores.length < 2) throw badArgument('curveAuc', 'scores', 'at least 2 points', scores.length);
  const steps = scores.length - 1;
  let area = 0;
  for (let k = 0; k < steps; k++) area += (scores[k]! + scores[k + 1]!) / 2;
  return area / steps;
}

// Checks run when the curve is asked for, not at the first next(): a generator body would defer them.
function curveBatches(
  fn: string,
  image: tf.Tensor3D,
  order: Int32Array,
  { steps, batchSize }: CurveOptions,
  blend: (changed: Float32Array, count: number) => tf.Tensor4D,
): Generator<CurveBatch, void, undefined> {
  if (image.rank !== 3) throw badArgument(fn, 'image', 'a tensor [H, W, C]', `[${image.shape}]`);
  const [height, width] = image.shape;
  const pixels = height * width;
  if (order.length !== pixels) throw badArgument(fn, 'order', `${pixels} pixel indices (pixelOrder of the map)`, order.length);
  if (!Number.isInteger(steps) || steps < 1) throw badArgument(fn, 'steps', 'an integer >= 1', steps);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw badArgument(fn, 'batchSize', 'an integer >= 1', batchSize);
  const rank = new Int32Array(pixels);
  order.forEach((pixel, r) => (rank[pixel] = r));
  return curveSteps(pixels, rank, steps, batchSize, blend);
}

function* curveSteps(
  pixels: number,
  rank: Int32Array,
  steps: number,
  batchSize: number,
  blend: (changed: Float32Array, count: number) => tf.Tensor4D,
): Generator<CurveBatch, void, undefined> {
  for (let start = 0; start <= steps; start += batchSize) {
    const count = Math.min(batchSize, steps + 1 - start);
    const changed = new Float32Array(count * pixels);
    for (let b = 0; b < count; b++) {
      const cut = Math.round(((start + b) * pixels) / steps);
      for (let p = 0; p < pixels; p++) changed[b * pixels + p] = rank[p]! < cut ? 1 : 0;
    }
    const images = blend(changed, count);
    yield { images, start, count };
  }
}
