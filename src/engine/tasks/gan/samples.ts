import * as tf from '@tensorflow/tfjs-core';
import { generate, atInputSize } from '../../gan/generate.ts';
import { latentCode, latentWalk } from '../../gan/latent.ts';
import { badArgument } from '../../shared/errors.ts';
import { GAN_MODEL_ID } from '../../shared/models.ts';
import { OBJECTS_SPLITS } from '../../shared/splits.ts';
import { resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';

/** The stream the lesson samples from: the codes objects-gan's card measured. */
export const GAN_STREAM = OBJECTS_SPLITS.ganCodes.seed;

/** One generated image and what objects-cnn makes of it. */
export interface GanSample {
  /** side * side * 3 floats in [0, 1]. */
  image: Float32Array;
  side: number;
  /** objects-cnn's most probable class and its probability. */
  classIndex: number;
  probability: number;
}

export interface GanModels {
  generator?: ModelSource;
  classifier?: ModelSource;
}

/** Generates images for latent codes ([n, latent] row-major) and classifies them: one batch, one readback. */
async function sampleCodes(codes: Float32Array, models: GanModels): Promise<GanSample[]> {
  const generator = await resolveModel(models.generator ?? GAN_MODEL_ID);
  const classifier = await resolveModel(models.classifier ?? SALIENCY_MODEL);
  const latent = generator.inputs[0]!.shape[1]!;
  const side = generator.outputs[0]!.shape[1]!;
  const n = codes.length / latent;
  const read = tf.tidy(() => {
    const images = generate(generator, codes);
    const p = classifier.predict(atInputSize(images, classifier.inputs[0]!.shape[1]!)) as tf.Tensor2D;
    return tf.concat([images.reshape([n, -1]), p.argMax(-1).toFloat().expandDims(1), p.max(-1).expandDims(1)], 1);
  });
  const values = (await read.data()) as Float32Array;
  read.dispose();
  const row = side * side * 3 + 2;
  return Array.from({ length: n }, (_, i) => ({
    image: values.slice(i * row, i * row + side * side * 3),
    side,
    classIndex: values[i * row + row - 2]!,
    probability: values[i * row + row - 1]!,
  }));
}

/** Samples number `indices` of the lesson's stream (latentCode(GAN_STREAM, k)). */
export async function ganSamples(indices: readonly number[], models: GanModels = {}): Promise<GanSample[]> {
  if (!indices.length || !indices.every((k) => Number.isInteger(k) && k >= 0)) throw badArgument('ganSamples', 'indices', 'non-negative integers', indices);
  const generator = await resolveModel(models.generator ?? GAN_MODEL_ID);
  const latent = generator.inputs[0]!.shape[1]!;
  const codes = new Float32Array(indices.length * latent);
  indices.forEach((k, i) => codes.set(latentCode(GAN_STREAM, k, latent), i * latent));
  return sampleCodes(codes, { ...models, generator });
}

/** The lesson's walk from sample `from` to sample `to` of its stream (latentWalk), each point drawn and judged. */
export async function ganInterpolate(from: number, to: number, steps: number, models: GanModels = {}): Promise<GanSample[]> {
  if (!Number.isInteger(steps) || steps < 2 || steps > 32) throw badArgument('ganInterpolate', 'steps', 'an integer in [2, 32]', steps);
  const generator = await resolveModel(models.generator ?? GAN_MODEL_ID);
  const latent = generator.inputs[0]!.shape[1]!;
  return sampleCodes(latentWalk(latentCode(GAN_STREAM, from, latent), latentCode(GAN_STREAM, to, latent), steps), { ...models, generator });
}
