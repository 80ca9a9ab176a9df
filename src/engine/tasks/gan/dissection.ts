import * as tf from '@tensorflow/tfjs-core';
import { DissectionSession } from '../../gan/dissect.ts';
import { EditEffectSession } from '../../gan/edit-effect.ts';
import { editUnits, type UnitEdit } from '../../gan/intervene.ts';
import { segmentLabels } from '../../gan/segment.ts';
import { latentCode } from '../../gan/latent.ts';
import { splitGenerator } from '../../gan/split.ts';
import { badArgument } from '../../shared/errors.ts';
import { GAN_MODEL_ID, SEGMENTER_MODEL_ID } from '../../shared/models.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';
import { GAN_STREAM } from './samples.ts';

export type { Dissection, DissectionProgress } from '../../gan/dissect.ts';
export type { EditEffect } from '../../gan/edit-effect.ts';
export type { UnitEdit } from '../../gan/intervene.ts';

interface GanPair {
  generator?: ModelSource;
  segmenter?: ModelSource;
}

const models = async (args: GanPair) => [await resolveModel(args.generator ?? GAN_MODEL_ID), await resolveModel(args.segmenter ?? SEGMENTER_MODEL_ID)] as const;

function checkSamples(fn: string, samples: number): void {
  if (!Number.isInteger(samples) || samples < 1 || samples > 1000) throw badArgument(fn, 'samples', 'an integer in [1, 1000]', samples);
}

/** Dissects `layer` over samples 0..samples-1 of the lesson's stream (a session: see DissectionSession). */
export async function ganDissection(args: { layer: string; samples: number } & GanPair): Promise<DissectionSession> {
  checkSamples('ganDissection', args.samples);
  const [generator, segmenter] = await models(args);
  return new DissectionSession(generator, segmenter, args.layer, args.samples, GAN_STREAM);
}

/** Measures an edit's effect on class `classIndex` over samples 0..samples-1 (a session: see EditEffectSession). */
export async function ganEditEffect(args: { layer: string; edit: UnitEdit; classIndex: number; samples: number } & GanPair): Promise<EditEffectSession> {
  checkSamples('ganEditEffect', args.samples);
  const [generator, segmenter] = await models(args);
  return new EditEffectSession(generator, segmenter, args.layer, args.edit, args.classIndex, args.samples, GAN_STREAM);
}

/** One sample drawn as it is and with the edit, each with the segmenter's labels on the image's grid. */
export interface GanEditView {
  side: number;
  image: Float32Array;
  edited: Float32Array;
  labels: Int32Array;
  editedLabels: Int32Array;
  /** The share of the image's pixels given each label (the classes, then the background), before and after the edit. */
  shares: number[];
  editedShares: number[];
}

/** The share of the pixels carrying each of `labels` labels. */
const sharesOf = (map: Int32Array, labels: number): number[] => {
  const counts = new Array<number>(labels).fill(0);
  for (const l of map) counts[l]!++;
  return counts.map((n) => n / map.length);
};

/** Sample `index` of the lesson's stream, drawn from the same activations of `layer` as they are and edited: one batch of two, one readback. */
export async function ganEdit(args: { index: number; layer: string; edit: UnitEdit } & GanPair): Promise<GanEditView> {
  const [generator, segmenter] = await models(args);
  const split = splitGenerator(generator, args.layer);
  const latent = generator.inputs[0]!.shape[1]!;
  const side = generator.outputs[0]!.shape[1]!;
  const read = tf.tidy(() => {
    const acts = split.head(tf.tensor2d(latentCode(GAN_STREAM, args.index, latent), [1, latent]));
    const images = tf.concat([split.tail(acts), split.tail(editUnits(acts, args.edit))]);
    return tf.concat([images.reshape([-1]), segmentLabels(segmenter, images).toFloat().reshape([-1])]);
  });
  const values = (await read.data()) as Float32Array;
  read.dispose();
  const [pixels, cells] = [side * side * 3, side * side];
  const labels = Int32Array.from(values.subarray(2 * pixels, 2 * pixels + cells));
  const editedLabels = Int32Array.from(values.subarray(2 * pixels + cells));
  const count = segmenter.outputs[0]!.shape[3]!;
  return {
    side,
    image: values.slice(0, pixels),
    edited: values.slice(pixels, 2 * pixels),
    labels,
    editedLabels,
    shares: sharesOf(labels, count),
    editedShares: sharesOf(editedLabels, count),
  };
}
