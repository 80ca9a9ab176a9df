import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';
import { loadModel } from '../runtime/models.ts';

/** The course model the explanation lessons explain: 64 x 64 RGB in [0, 1], 10 Glassbox Objects classes. */
export const SALIENCY_MODEL = 'objects-cnn';

/** A model folder name (loaded once per page), or a model already in hand (tests). */
export type ModelSource = string | LayersModel;

export function resolveModel(source: ModelSource): Promise<LayersModel> {
  return typeof source === 'string' ? loadModel(source) : Promise.resolve(source);
}

/** A square RGB image given as side * side * 3 floats in [0, 1], row-major: [side, side, 3]; the caller owns it. */
export function imageTensor(image: Float32Array, fn = 'imageTensor'): tf.Tensor3D {
  const side = Math.round(Math.sqrt(image.length / 3));
  if (side < 1 || side * side * 3 !== image.length) throw badArgument(fn, 'image', 'side * side * 3 floats (a square RGB image)', `${image.length} floats`);
  return tf.tensor3d(image, [side, side, 3]);
}

/** Square RGB images of one side stacked as one batch [n, side, side, 3]; the caller owns it. */
export function imageBatch(images: readonly Float32Array[], fn = 'imageBatch'): tf.Tensor4D {
  const side = Math.round(Math.sqrt((images[0]?.length ?? 0) / 3));
  if (side < 1 || images.some((image) => image.length !== side * side * 3)) throw badArgument(fn, 'images', 'square RGB images of one side', images.map((image) => image.length));
  const batch = new Float32Array(images.length * side * side * 3);
  images.forEach((image, i) => batch.set(image, i * image.length));
  return tf.tensor4d(batch, [images.length, side, side, 3]);
}

/** Refuses a class index the model does not have. */
export function checkClass(fn: string, model: LayersModel, classIndex: number): void {
  const classes = (model.outputs[0]!.shape.at(-1) ?? 0) as number;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes) {
    throw badArgument(fn, 'classIndex', `an integer in [0, ${classes})`, classIndex, `model "${model.name}"`);
  }
}

/** Refuses anything but `length` finite numbers (the reader types them). */
export function checkVector(fn: string, arg: string, values: readonly number[], length: number): void {
  if (values.length !== length || !values.every(Number.isFinite)) throw badArgument(fn, arg, `${length} finite numbers`, values);
}
