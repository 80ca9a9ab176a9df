import * as tf from '@tensorflow/tfjs-core';
import { UNSEEN_STYLE, type ObjectAtlas } from '../../data/atlas.ts';
import { sceneBatch } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import { pca } from '../../embed/pca.ts';
import { layerOutput } from '../../probe/layer-output.ts';
import { badArgument } from '../../shared/errors.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import { resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';

/** The two evaluation streams the gap is measured between: the training styles (held-out seed) and the unseen emoji style. */
export type StyleName = 'held-out' | 'unseen';

export interface StyleBatch {
  /** The class of each image's one object. */
  labels: Int32Array;
  /** The model's top class for each image. */
  predicted: Int32Array;
  /** The softmax probability of the top class. */
  confidence: Float32Array;
  /** The `gap` embedding of each image, n rows of `dim`. */
  features: Float32Array;
  dim: number;
}

/** Where images of a style come from: the model card's evaluation seeds, one object per image. */
export function styleStream(style: StyleName): { seed: number; count: number; styles?: string[] } {
  if (style === 'held-out') return { ...OBJECTS_SPLITS.heldOut };
  if (style === 'unseen') return { ...OBJECTS_SPLITS.unseenStyle, styles: [UNSEEN_STYLE] };
  throw badArgument('styleStream', 'style', '"held-out" or "unseen"', style);
}

/**
 * Images start .. start + n - 1 of one style's evaluation stream through the
 * model: the embedding (`gap`) and, from it, the class probabilities, in one
 * forward pass and one readback.
 */
export async function styleBatch(style: StyleName, start: number, n: number, source: { atlas?: ObjectAtlas; model?: ModelSource } = {}): Promise<StyleBatch> {
  const stream = styleStream(style);
  if (!Number.isInteger(start) || !Number.isInteger(n) || start < 0 || n < 1 || start + n > stream.count) {
    throw badArgument('styleBatch', 'start, n', `a range inside 0..${stream.count - 1}`, [start, n]);
  }
  const [atlas, model] = await Promise.all([source.atlas ?? loadObjectAtlas(), resolveModel(source.model ?? SALIENCY_MODEL)]);
  const { x, y } = sceneBatch(atlas, stream.seed, start, n, stream.styles ? { styles: stream.styles } : {});
  const side = Math.round(Math.sqrt(x.length / (3 * n)));
  const out = tf.tidy(() => {
    const features = layerOutput(model, 'gap', tf.tensor4d(x, [n, side, side, 3])) as tf.Tensor2D;
    // The dense layer after the pooling, with its softmax: the model's own output, without a second pass.
    const probabilities = model.getLayer('logits').apply(features) as tf.Tensor2D;
    return { features, predicted: probabilities.argMax(1), confidence: probabilities.max(1) };
  });
  const [features, predicted, confidence] = await Promise.all([out.features.data(), out.predicted.data(), out.confidence.data()]);
  tf.dispose(out);
  return { labels: y, predicted: predicted as Int32Array, confidence: confidence as Float32Array, features: features as Float32Array, dim: features.length / n };
}

export interface JointMap {
  /** n points (x, y), row-major: the rows of every style projected on the same two axes. */
  points: Float32Array;
  /** Share of the variance each axis keeps. */
  ratios: [number, number];
}

/** One PCA of all rows together, so both styles are drawn in the same coordinates (rows [n, dim]). */
export async function jointMap(rows: Float32Array, dim: number): Promise<JointMap> {
  if (!Number.isInteger(dim) || dim < 1 || rows.length % dim !== 0 || rows.length / dim < 3) {
    throw badArgument('jointMap', 'rows', `at least 3 rows of ${dim} numbers`, rows.length);
  }
  const { projections, explainedVarianceRatio: ratio } = tf.tidy(() => {
    const { projections, explainedVarianceRatio } = pca(tf.tensor2d(rows, [rows.length / dim, dim]));
    return { projections, explainedVarianceRatio };
  });
  const [points, ratios] = await Promise.all([projections.data(), ratio.data()]);
  tf.dispose([projections, ratio]);
  return { points: points as Float32Array, ratios: [ratios[0]!, ratios[1]!] };
}
