import * as tf from '@tensorflow/tfjs-core';
import { badArgument, GlassboxError } from '../shared/errors.ts';

/**
 * Occlusion sensitivity (Zeiler & Fergus 2014, Sec. 4.2): slide a grey square
 * over the image and record how much the class score drops at each position.
 * The sweep is cut into batches of occluded copies, so a widget runs one
 * forward pass per batch, draws, and yields to the page between batches; the
 * forward pass is the caller's, the method never sees the model.
 */
export interface OcclusionPlan {
  height: number;
  width: number;
  patch: number;
  stride: number;
  /** Patch positions down and across: floor((H - patch) / stride) + 1 and likewise for W. */
  rows: number;
  cols: number;
}

export interface OcclusionOptions {
  /** Side of the square patch in pixels. */
  patch: number;
  stride: number;
  /** Value written under the patch (e.g. the dataset mean, or 0.5 grey). */
  fill: number;
  /** Occluded copies per batch: pick it so one forward pass stays under the frame budget. */
  batchSize: number;
}

/** A batch of occluded copies for positions start .. start + count - 1 (row-major); the caller owns `images`. */
export interface OcclusionBatch {
  images: tf.Tensor4D;
  start: number;
  count: number;
}

export function occlusionPlan(height: number, width: number, patch: number, stride: number): OcclusionPlan {
  if (!Number.isInteger(patch) || patch < 1 || patch > Math.min(height, width)) {
    throw badArgument('occlusionPlan', 'patch', `an integer in [1, ${Math.min(height, width)}]`, patch);
  }
  if (!Number.isInteger(stride) || stride < 1) throw badArgument('occlusionPlan', 'stride', 'an integer >= 1', stride);
  return { height, width, patch, stride, rows: Math.floor((height - patch) / stride) + 1, cols: Math.floor((width - patch) / stride) + 1 };
}

/** Number of patch positions in a plan. */
export function positionCount(plan: OcclusionPlan): number {
  return plan.rows * plan.cols;
}

/** 1 under the patch of each position in start .. start + count - 1, else 0: [count, H * W]. */
export function patchMasks(plan: OcclusionPlan, start: number, count: number): Float32Array {
  const { height, width, patch, stride, cols } = plan;
  const masks = new Float32Array(count * height * width);
  for (let b = 0; b < count; b++) {
    const top = Math.floor((start + b) / cols) * stride;
    const left = ((start + b) % cols) * stride;
    for (let i = top; i < top + patch; i++) masks.fill(1, b * height * width + i * width + left, b * height * width + i * width + left + patch);
  }
  return masks;
}

/**
 * Lazily yields batches of occluded copies of the image; each batch is built
 * only when asked for, so nothing waits in memory. Dispose each `images`.
 *
 * @param image [H, W, C]
 */
export function occlusionBatches(image: tf.Tensor3D, options: OcclusionOptions): Generator<OcclusionBatch, void, undefined> {
  if (image.rank !== 3) throw badArgument('occlusionBatches', 'image', 'a tensor [H, W, C]', `[${image.shape}]`);
  const { batchSize, fill } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw badArgument('occlusionBatches', 'batchSize', 'an integer >= 1', batchSize);
  const [height, width] = image.shape;
  // Checked here, not in the generator body, so a bad argument throws at the call rather than at the first next().
  return batches(image, occlusionPlan(height, width, options.patch, options.stride), batchSize, fill);
}

function* batches(image: tf.Tensor3D, plan: OcclusionPlan, batchSize: number, fill: number): Generator<OcclusionBatch, void, undefined> {
  const total = positionCount(plan);
  for (let start = 0; start < total; start += batchSize) {
    const count = Math.min(batchSize, total - start);
    const images = maskedCopies(image, patchMasks(plan, start, count), count, fill);
    yield { images, start, count };
  }
}

/**
 * `count` copies of the image where each copy's masked pixels (mask [count * H * W], > 0 = replace)
 * take the replacement: a number, or the same pixel of another image [H, W, C].
 * The mask is spelled out per channel on the CPU and applied with one same-shape `where`:
 * on the cpu backend that is ~10x faster than broadcasting a [count, H, W, 1] mask, and
 * concat of copies is a plain memory copy.
 *
 * @returns [count, H, W, C]; the caller owns it
 */
export function maskedCopies(image: tf.Tensor3D, mask: Float32Array, count: number, replacement: number | tf.Tensor3D): tf.Tensor4D {
  const [height, width, channels] = image.shape;
  const covered = new Uint8Array(mask.length * channels);
  for (let p = 0; p < mask.length; p++) if (mask[p]! > 0) covered.fill(1, p * channels, (p + 1) * channels);
  const shape: [number, number, number, number] = [count, height, width, channels];
  const copies = (t: tf.Tensor3D) => tf.concat(new Array<tf.Tensor4D>(count).fill(t.expandDims(0) as tf.Tensor4D));
  return tf.tidy(() => {
    const other = typeof replacement === 'number' ? tf.fill(shape, replacement) : copies(replacement);
    return tf.where(tf.tensor4d(covered, shape, 'bool'), other, copies(image)) as tf.Tensor4D;
  });
}

/**
 * Collects score drops (baseline score minus the occluded copy's score) into
 * two maps, filled in as batches arrive:
 * - `readGrid()`, [rows, cols]: the drop at each patch position, Zeiler &
 *   Fergus's map "as a function of the position of the grey square";
 * - `readMap()`, [H, W]: each pixel's mean drop over the patches that covered
 *   it, to overlay on the image (0 where no patch has covered it yet).
 * Holds tensors: call `dispose()` when done.
 *
 * Equation id (to bind): occlusion-map.
 */
export class OcclusionAccumulator {
  private sum: tf.Tensor1D;
  private grid: tf.Tensor1D;
  private readonly coverage: Float32Array;
  private filled = 0;

  constructor(readonly plan: OcclusionPlan) {
    this.sum = tf.zeros([plan.height * plan.width]);
    this.grid = tf.zeros([positionCount(plan)]);
    this.coverage = new Float32Array(plan.height * plan.width);
  }

  /** Positions added so far. */
  get done(): number {
    return this.filled;
  }

  /** Adds a batch's drops [count]; does not take ownership of `drops`. */
  add(batch: { start: number; count: number }, drops: tf.Tensor1D): void {
    const { start, count } = batch;
    if (drops.rank !== 1 || drops.shape[0] !== count) throw badArgument('OcclusionAccumulator.add', 'drops', `a tensor [${count}]`, `[${drops.shape}]`);
    const total = positionCount(this.plan);
    if (!Number.isInteger(start) || start < 0 || start + count > total) throw badArgument('OcclusionAccumulator.add', 'batch', `positions within [0, ${total})`, `${start} + ${count}`);
    if (this.sum.isDisposed) throw new GlassboxError('out-of-order', 'OcclusionAccumulator.add: already disposed', { where: 'OcclusionAccumulator.add' });
    const masks = patchMasks(this.plan, start, count);
    for (let i = 0; i < masks.length; i++) this.coverage[i % this.coverage.length]! += masks[i]!;
    const [sum, grid] = [this.sum, this.grid];
    [this.sum, this.grid] = tf.tidy(() => {
      const m = tf.tensor2d(masks, [count, this.coverage.length]);
      const spread = tf.matMul(drops.reshape([1, count]) as tf.Tensor2D, m).reshape([-1]);
      return [sum.add(spread) as tf.Tensor1D, grid.add(drops.pad([[start, total - start - count]])) as tf.Tensor1D];
    });
    tf.dispose([sum, grid]);
    this.filled += count;
  }

  /** Mean drop per pixel, [H, W]; the caller owns it. */
  readMap(): tf.Tensor2D {
    const { height, width } = this.plan;
    return tf.tidy(() => this.sum.div(tf.tensor1d(this.coverage).maximum(1)).reshape([height, width]) as tf.Tensor2D);
  }

  /** Drop per patch position, [rows, cols]; the caller owns it. */
  readGrid(): tf.Tensor2D {
    return tf.tidy(() => this.grid.reshape([this.plan.rows, this.plan.cols]) as tf.Tensor2D);
  }

  dispose(): void {
    tf.dispose([this.sum, this.grid]);
  }
}
