import * as tf from '@tensorflow/tfjs-core';
import { knnAccuracy } from '../../embed/nearest-neighbours.ts';
import { pca } from '../../embed/pca.ts';
import { setOf } from './set-store.ts';

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

/** The features of the set kept under `setId` projected on their first two principal components (`pca`); one readback. */
export async function pcaLayout(setId: string): Promise<PcaLayout> {
  const set = setOf(setId, 'pcaLayout');
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
