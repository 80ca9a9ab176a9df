import * as tf from '@tensorflow/tfjs-core';
import { knnAccuracy } from '../../embed/nearest-neighbours.ts';
import { nextTask } from '../../shared/next-task.ts';
import { pca } from '../../embed/pca.ts';
import { Tsne, type TsneOptions, type TsneProgress } from '../../embed/tsne.ts';
import { badArgument, GlassboxError } from '../../shared/errors.ts';
import type { FeatureSet } from './feature-set.ts';

/** A 2-D layout of the set: n x 2 row-major, with its leave-one-out k-NN accuracy. */
export interface Layout {
  points: Float32Array;
  /** `knnAccuracy` of the layout with the set's labels (k = KNN_K). */
  knn: number;
}

/** Neighbours that vote in the layout's k-NN accuracy read-out. */
export const KNN_K = 5;

export interface PcaLayout extends Layout {
  /** Share of the total variance along each of the two axes. */
  explained: [number, number];
}

/** The set's features projected on their first two principal components (`pca`); one readback. */
export async function pcaLayout(set: FeatureSet): Promise<PcaLayout> {
  const features = set.features();
  const result = pca(features, { components: 2 });
  features.dispose();
  try {
    const [points, explained] = await Promise.all([result.projections.data() as Promise<Float32Array>, result.explainedVarianceRatio.data()]);
    return { points, explained: [explained[0]!, explained[1]!], knn: knnAccuracy(points, set.labels, KNN_K) };
  } finally {
    tf.dispose([result.projections, result.components, result.explainedVarianceRatio, result.mean]);
  }
}

/**
 * A t-SNE of the set's features, started from a given layout (the PCA one:
 * rescaled, so early exaggeration is not dominated by it). Cheap: the
 * probabilities are calibrated by `continueTsne`, in chunks.
 */
export function startTsne(features: Float32Array, n: number, options: TsneOptions, initial?: Float32Array): Tsne {
  if (!Number.isInteger(n) || n < 2 || features.length % n !== 0) throw badArgument('startTsne', 'features', `n = ${n} rows of equal length`, features.length);
  const tsne = new Tsne(options);
  tsne.init(features, n, features.length / n, initial);
  return tsne;
}

export interface TsneRun extends Layout {
  iteration: number;
  /** True when the run reached its last iteration; false when it was paused. */
  done: boolean;
  /** KL(P || Q) of the layout, the cost t-SNE descends; null when paused before P was fully calibrated. */
  cost: number | null;
}

/**
 * Runs t-SNE on from where it stopped, in chunks of at most the run's
 * `chunkMs` (`Tsne.fitAsync`), calling `onProgress` after each. Aborting
 * `pause` returns the layout reached so far (a later call resumes); aborting
 * the queue's `signal` (a newer job) stops with its error as usual.
 */
export async function continueTsne(
  tsne: Tsne,
  labels: readonly number[],
  onProgress: (progress: TsneProgress) => void,
  signal?: AbortSignal,
  pause?: AbortSignal,
): Promise<TsneRun> {
  const stop = pause && signal ? AbortSignal.any([signal, pause]) : (pause ?? signal);
  let done = true;
  try {
    await tsne.fitAsync(onProgress, stop);
  } catch (error) {
    if (signal?.aborted) throw new GlassboxError('superseded', 'continueTsne: stopped, a newer request replaced it');
    if (!pause?.aborted) throw error;
    done = false;
  }
  const points = tsne.read();
  // The cost and the accuracy are O(n^2) each: a turn for the page between them. Before P is
  // complete the cost would calibrate every remaining row at once, so it waits for a later call.
  const cost = tsne.joint?.p ? tsne.cost() : null;
  await nextTask();
  return { points, iteration: tsne.iteration, done, cost, knn: knnAccuracy(points, labels, KNN_K) };
}
