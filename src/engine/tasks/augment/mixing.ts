import * as tf from '@tensorflow/tfjs-core';
import { betaHistogram } from '../../augment/beta.ts';
import { cutout } from '../../augment/erasing/cutout.ts';
import { hideAndSeek } from '../../augment/erasing/hide-and-seek.ts';
import { cutBox, cutBoxClipped, cutmix, type CutMixOp } from '../../augment/mixing/cutmix.ts';
import { mixup } from '../../augment/mixing/mixup.ts';
import { softLabel, type Mixed } from '../../augment/mixing/pair.ts';
import { softCrossEntropy } from '../../augment/mixing/soft-label-loss.ts';
import type { AugSample, Box } from '../../augment/sample.ts';
import { classScores } from '../../probe/probe.ts';
import { OBJECT_CLASSES } from '../../shared/classes.ts';
import { badArgument } from '../../shared/errors.ts';
import { createRng, deriveSeed } from '../../shared/rng.ts';
import { imageBatch, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { datasetSample } from './samples.ts';

/** The single-object held-out images a mixing batch is drawn from: one class per image, so each label is one-hot. */
const MIXING_DATASET = 'objects-held-out-1';
/** Draws behind the lambda histogram, and its bins. */
const DRAWS = 2000;
const BINS = 20;

export interface MixingParams {
  /** Beta's shape for Mixup's and CutMix's lambda. */
  alpha: number;
  /** Cutout's square side, pixels. */
  cutoutSide: number;
  /** Hide-and-Seek's cells per side (each hidden with probability 0.5). */
  grid: number;
  seed: number;
}

/** One mixed image of the batch: pixels, soft label, and the model's answer on it. */
export interface MixedView {
  sample: AugSample;
  weights: [number, number];
  /** Over the 10 classes, summing to 1. */
  label: Float32Array;
  probabilities: Float32Array;
  /** Cross-entropy of the probabilities against the soft label. */
  loss: number;
}

export interface MixingView {
  /** The batch: item 1 (image A) and item 2 (image B), with their classes. */
  inputs: [AugSample, AugSample];
  classes: [number, number];
  cutout: [AugSample, AugSample];
  hideAndSeek: [AugSample, AugSample];
  /** Item k mixed with the other item: A with B, B with A. */
  mixup: [MixedView, MixedView];
  cutmix: [MixedView, MixedView];
  /** lambda as drawn (Mixup and CutMix draw it from the same seed, so it is one number). */
  lambda: number;
  /** The pasted box, pixel edges, the same for both items (one box per batch, as in the paper's code). */
  box: Box;
  /** Whether the image's border cut the box as drawn. */
  clipped: boolean;
  /** Counts of DRAWS draws of Beta(alpha, alpha) in BINS bins of [0, 1]. */
  histogram: number[];
}

/**
 * Cutout, Hide-and-Seek, Mixup and CutMix on a batch of two held-out images,
 * all drawn from one seed, with the soft labels of the mixed images and the
 * objects-cnn's cross-entropy against them (one forward pass, one readback).
 */
export async function mixingBatch(indices: [number, number], params: MixingParams, source: ModelSource = SALIENCY_MODEL): Promise<MixingView> {
  const { alpha, cutoutSide, grid, seed } = params;
  if (!(alpha > 0 && alpha <= 10)) throw badArgument('mixingBatch', 'alpha', 'a shape in (0, 10]', alpha);
  const inputs = (await Promise.all(indices.map((i) => datasetSample(MIXING_DATASET, i)))) as [AugSample, AugSample];
  const classes = inputs.map((s) => s.classes[0]!) as [number, number];
  const pair = <T>(f: (k: 0 | 1) => T): [T, T] => [f(0), f(1)];
  const erase = createRng(deriveSeed(seed, 1));
  const cut = pair((k) => cutout.apply(cutout.sample({ side: cutoutSide, fill: 0.5 }, erase), inputs[k]));
  const hidden = pair((k) => hideAndSeek.apply(hideAndSeek.sample({ grid, p: 0.5, fill: 0.5 }, erase), inputs[k]));
  // The same seed gives Mixup and CutMix the same lambda (each draws it first), so one histogram mark serves both.
  const mixOp = mixup.sample({ alpha }, createRng(seed));
  const cutOp: CutMixOp = cutmix.sample({ alpha }, createRng(seed));
  const other = (k: 0 | 1) => inputs[1 - k]!;
  const mixed = pair((k) => mixup.apply(mixOp, inputs[k], other(k)));
  const pasted = pair((k) => cutmix.apply(cutOp, inputs[k], other(k)));
  const all = [...mixed, ...pasted];
  const labels = all.map((m, i) => softLabel(classes[i % 2]!, classes[1 - (i % 2)]!, m.weights, OBJECT_CLASSES.length));
  const { probabilities, losses } = await scoreMixed(source, all, labels);
  const view = (m: Mixed, i: number): MixedView => ({ sample: m.sample, weights: m.weights, label: labels[i]!, probabilities: probabilities[i]!, loss: losses[i]! });
  return {
    inputs,
    classes,
    cutout: cut,
    hideAndSeek: hidden,
    mixup: [view(mixed[0], 0), view(mixed[1], 1)],
    cutmix: [view(pasted[0], 2), view(pasted[1], 3)],
    lambda: mixOp.lambda,
    box: cutBox(cutOp, inputs[0].size),
    clipped: cutBoxClipped(cutOp, inputs[0].size),
    histogram: betaHistogram(alpha, DRAWS, BINS, createRng(deriveSeed(seed, 2))),
  };
}

/** The model's softmax and the soft-label cross-entropy for each mixed image: one forward pass, one readback. */
async function scoreMixed(source: ModelSource, mixed: Mixed[], labels: Float32Array[]): Promise<{ probabilities: Float32Array[]; losses: number[] }> {
  const model = await resolveModel(source);
  const n = mixed.length;
  const k = labels[0]!.length;
  const both = tf.tidy(() => {
    const images = imageBatch(mixed.map((m) => m.sample.image), 'mixingBatch');
    const logits = classScores(model, images);
    const y = tf.stack(labels.map((label) => tf.tensor1d(label))) as tf.Tensor2D;
    return tf.concat([tf.softmax(logits).flatten(), softCrossEntropy(logits, y)]);
  });
  const data = (await both.data()) as Float32Array;
  both.dispose();
  return { probabilities: Array.from({ length: n }, (_, i) => data.slice(i * k, (i + 1) * k)), losses: Array.from(data.subarray(n * k)) };
}
