import * as tf from '@tensorflow/tfjs-core';
import { rotate } from '../../augment/geometric/rotate.ts';
import { scale } from '../../augment/geometric/scale.ts';
import type { Rendering } from '../../augment/geometric.ts';
import { brightness } from '../../augment/photometric/brightness.ts';
import type { AugSample } from '../../augment/sample.ts';
import { badArgument } from '../../shared/errors.ts';
import { imageBatch, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { datasetSample } from './samples.ts';

/** The three changes the invariance probe sweeps. */
export type ProbeKind = 'rotate' | 'scale' | 'brightness';

/** Rotation and scale fill what enters the frame by mirroring the image, so the probe changes the object, not the border colour. */
const MIRRORED: Rendering = { interpolation: 'bilinear', border: { kind: 'reflect' } };

/** Each sweep: its values (first, last, step) and the augment op that makes one view. */
const SWEEPS: Record<ProbeKind, { first: number; last: number; step: number; apply: (value: number, input: AugSample) => AugSample }> = {
  rotate: { first: -180, last: 180, step: 10, apply: (degrees, input) => rotate.apply({ ...MIRRORED, degrees }, input) },
  scale: { first: 0.4, last: 1.6, step: 0.05, apply: (factor, input) => scale.apply({ ...MIRRORED, factor }, input) },
  brightness: { first: 0, last: 2, step: 0.1, apply: (factor, input) => brightness.apply({ factor }, input) },
};

/** The values a sweep visits, e.g. -180, -170, ..., 180 degrees. */
export function probeValues(kind: ProbeKind): number[] {
  const sweep = SWEEPS[kind];
  if (!sweep) throw badArgument('probeValues', 'kind', `one of ${Object.keys(SWEEPS).join(', ')}`, kind);
  const count = Math.round((sweep.last - sweep.first) / sweep.step) + 1;
  // Rounded so 0.1-steps print and compare as typed (0.3, not 0.30000000000000004).
  return Array.from({ length: count }, (_, i) => Math.round((sweep.first + i * sweep.step) * 1e6) / 1e6);
}

export interface InvarianceCurve {
  kind: ProbeKind;
  values: number[];
  /** The object's class. */
  label: number;
  /** Softmax probabilities, one row of `classes` per value. */
  probabilities: Float32Array;
  classes: number;
}

/**
 * The invariance probe: dataset image `index` changed by every value of one
 * sweep (the augment module's own transforms), all views through the model as
 * one batch, one readback.
 */
export async function invarianceCurve(dataset: string, index: number, kind: ProbeKind, model: ModelSource = SALIENCY_MODEL): Promise<InvarianceCurve> {
  const values = probeValues(kind);
  const [sample, net] = await Promise.all([datasetSample(dataset, index), resolveModel(model)]);
  const views = values.map((value) => SWEEPS[kind].apply(value, sample).image);
  const probabilities = await predictViews(net, views);
  return { kind, values, label: sample.classes[0]!, probabilities, classes: probabilities.length / values.length };
}

export interface InvarianceView {
  /** The changed image, size * size * 3 in [0, 1]. */
  image: Float32Array;
  size: number;
  probabilities: Float32Array;
}

/** One point of a sweep: the changed image itself and the model's probabilities for it. */
export async function invarianceView(dataset: string, index: number, kind: ProbeKind, value: number, model: ModelSource = SALIENCY_MODEL): Promise<InvarianceView> {
  const sweep = SWEEPS[kind];
  if (!sweep) throw badArgument('invarianceView', 'kind', `one of ${Object.keys(SWEEPS).join(', ')}`, kind);
  if (!(value >= sweep.first && value <= sweep.last)) throw badArgument('invarianceView', 'value', `a number in [${sweep.first}, ${sweep.last}]`, value);
  const [sample, net] = await Promise.all([datasetSample(dataset, index), resolveModel(model)]);
  const image = sweep.apply(value, sample).image;
  return { image, size: sample.size, probabilities: await predictViews(net, [image]) };
}

/** The model's softmax for a list of images of one side, as one batch: [views * classes], row-major. */
async function predictViews(model: Awaited<ReturnType<typeof resolveModel>>, views: Float32Array[]): Promise<Float32Array> {
  const probabilities = tf.tidy(() => model.predict(imageBatch(views, 'predictViews')) as tf.Tensor2D);
  const values = (await probabilities.data()) as Float32Array;
  probabilities.dispose();
  return values;
}
