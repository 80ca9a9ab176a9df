import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { OcclusionAccumulator, occlusionPlan, patchMasks, positionCount, type OcclusionPlan } from '../explain/occlusion.ts';
import { classScores } from '../probe/probe.ts';
import { badArgument } from '../shared/errors.ts';
import { nextTask } from '../shared/next-task.ts';
import { overlayHeatmap } from '../tensor/heatmap.ts';
import { readMaps, type MapView } from './read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from './scene-input.ts';

/** A class's logit S_c and its softmax probability. */
export interface ClassScore {
  score: number;
  probability: number;
}

/** One grey square: its top-left corner, side, and the grey level written under it. */
export interface Patch {
  top: number;
  left: number;
  size: number;
  fill: number;
}

/** The image's score, the occluded copy's score, and the drop S_c(I) - S_c(occluded). */
export interface OccludedScore {
  baseline: ClassScore;
  occluded: ClassScore;
  drop: number;
}

/** image * (1 - m) + fill * m for a batch of masks [n, H * W]: the occluded copies [n, H, W, 3]. */
function occlude(image: tf.Tensor3D, masks: Float32Array, count: number, fill: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [h, w] = image.shape;
    const m = tf.tensor4d(masks, [count, h, w, 1]);
    return image.expandDims(0).mul(tf.scalar(1).sub(m)).add(m.mul(fill)) as tf.Tensor4D;
  });
}

/** Logits and probabilities of class c for a batch, as [2, n]: one readback for both. */
function scoresOf(model: LayersModel, images: tf.Tensor4D, classIndex: number): tf.Tensor2D {
  return tf.tidy(() => {
    const logits = classScores(model, images);
    const c = tf.tensor1d([classIndex], 'int32');
    return tf.concat([logits.gather(c, 1), tf.softmax(logits).gather(c, 1)], 1).transpose() as tf.Tensor2D;
  });
}

/**
 * The live read-out of the occlusion explorer: the class score with and
 * without one grey patch, from one forward pass of a batch of two images. The
 * patch may sit anywhere, not only on the sweep's stride grid.
 *
 * @param image 64 x 64 x 3 floats in [0, 1], row-major
 * @param source the model (the course's objects-cnn unless a test passes one)
 */
export async function occludedScore(image: Float32Array, classIndex: number, patch: Patch, source: ModelSource = SALIENCY_MODEL): Promise<OccludedScore> {
  const model = await resolveModel(source);
  checkClass('occludedScore', model, classIndex);
  const side = Math.round(Math.sqrt(image.length / 3));
  const { top, left, size, fill } = patch;
  if (![top, left, size].every(Number.isInteger) || size < 1 || top < 0 || left < 0 || top + size > side || left + size > side) {
    throw badArgument('occludedScore', 'patch', `a square inside the ${side} x ${side} image`, `${size} x ${size} at (${top}, ${left})`);
  }
  const mask = new Float32Array(side * side);
  for (let i = top; i < top + size; i++) mask.fill(1, i * side + left, i * side + left + size);
  const both = tf.tidy(() => {
    const x = imageTensor(image, 'occludedScore');
    const batch = tf.concat([x.expandDims(0), occlude(x, mask, 1, fill)]) as tf.Tensor4D;
    return scoresOf(model, batch, classIndex);
  });
  const values = await both.data();
  both.dispose();
  const [s0, s1, p0, p1] = values as unknown as number[];
  return { baseline: { score: s0!, probability: p0! }, occluded: { score: s1!, probability: p1! }, drop: s0! - s1! };
}

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

export interface SweepOptions {
  patch: number;
  stride: number;
  fill: number;
  /** Time one batch should take, in ms (default 25); the batch size adapts to it, keeping well under 50 ms. */
  budgetMs?: number;
}

/**
 * The occlusion map of Zeiler & Fergus (2014, Sec. 4.2): the drop of the class
 * score when a grey square hides the patch at position p,
 *   d_c(p) = S_c(I) - S_c(I ⊙ (1 - M_p) + g M_p),
 * for every position on a grid of the given stride. The copies go through the
 * model in batches (one forward pass each); the batch size adapts so that one
 * batch stays within `budgetMs`, and the sweep yields to the page after each,
 * reports progress and stops when `signal` aborts.
 *
 * @equation occlusion-map
 * @param image 64 x 64 x 3 floats in [0, 1]
 * @returns the last progress report (done < total if cancelled)
 */
export async function occlusionSweep(
  image: Float32Array,
  classIndex: number,
  options: SweepOptions,
  signal: AbortSignal,
  onProgress: (progress: SweepProgress) => void,
  source: ModelSource = SALIENCY_MODEL,
): Promise<SweepProgress> {
  const model = await resolveModel(source);
  checkClass('occlusionSweep', model, classIndex);
  const side = Math.round(Math.sqrt(image.length / 3));
  const plan = occlusionPlan(side, side, options.patch, options.stride);
  const grey = fill(options);
  const budget = options.budgetMs ?? 25;
  const total = positionCount(plan);
  const x = imageTensor(image, 'occlusionSweep');
  const acc = new OcclusionAccumulator(plan);
  try {
    const first = tf.tidy(() => scoresOf(model, x.expandDims(0) as tf.Tensor4D, classIndex));
    const [score, probability] = (await first.data()) as unknown as number[];
    first.dispose();
    const baseline = { score: score!, probability: probability! };
    let size = 2;
    let progress: SweepProgress | undefined;
    let batches = 0;
    let longest = 0;
    for (let start = 0; start < total && !signal.aborted; ) {
      const began = performance.now();
      const count = Math.min(size, total - start);
      const drops = tf.tidy(() => {
        const copies = occlude(x, patchMasks(plan, start, count), count, grey);
        return scoresOf(model, copies, classIndex).slice([0, 0], [1, count]).reshape([count]).neg().add(baseline.score) as tf.Tensor1D;
      });
      acc.add({ start, count }, drops);
      drops.dispose();
      // The synchronous part holds the page: on wasm and cpu it is all the arithmetic, on a GPU only the dispatch.
      const blocked = performance.now() - began;
      longest = Math.max(longest, blocked);
      progress = await read(acc, x, plan, baseline);
      progress.batches = ++batches;
      progress.longestBatchMs = longest;
      onProgress(progress);
      start += count;
      // Next batch: as many copies as fit the budget at the rate just measured, at most twice as many as this
      // one (single timings are noisy on a busy machine), rounded down to a power of two so that backends
      // that prepare work per shape (XNNPACK operators, WebGL programs) see only a few shapes.
      const fits = Math.min(2 * count, 64, Math.floor((count * budget) / Math.max(blocked, 0.5)));
      size = 2 ** Math.floor(Math.log2(Math.max(1, fits)));
      await nextTask();
    }
    return progress ?? (await read(acc, x, plan, baseline));
  } finally {
    acc.dispose();
    x.dispose();
  }
}

function fill(options: SweepOptions): number {
  if (!(options.fill >= 0 && options.fill <= 1)) throw badArgument('occlusionSweep', 'fill', 'a grey level in [0, 1]', options.fill);
  return options.fill;
}

/** Grid and overlay so far, in one readback. */
async function read(acc: OcclusionAccumulator, x: tf.Tensor3D, plan: OcclusionPlan, baseline: ClassScore): Promise<SweepProgress> {
  const overlay = tf.tidy(() => {
    const map = acc.readMap();
    // Only drops are drawn as heat (a patch that raises the score is shown as no heat), scaled by the largest.
    return overlayHeatmap(x, map.relu().div(map.max().maximum(1e-6)) as tf.Tensor2D);
  });
  const [[grid], rgba] = await Promise.all([readMaps([acc.readGrid()]), overlay.data<'int32'>()]);
  overlay.dispose();
  const total = positionCount(plan);
  return { plan, done: acc.done, total, baseline, grid: grid!, overlay: Uint8ClampedArray.from(rgba), batches: 0, longestBatchMs: 0 };
}
