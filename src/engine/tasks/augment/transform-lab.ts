import { boxOfMask } from '../../augment/boxes.ts';
import { horizontalFlip } from '../../augment/geometric/flip.ts';
import { applyMatrix, type GeometricTransform, type Rendering } from '../../augment/geometric.ts';
import { compose, type Matrix } from '../../augment/matrix.ts';
import { TRANSFORMS } from '../../augment/registry.ts';
import type { AugSample, Box } from '../../augment/sample.ts';
import type { Border, Interpolation } from '../../augment/warp.ts';
import { knobOf } from '../../shared/augment-knobs.ts';
import { badArgument } from '../../shared/errors.ts';
import { createRng } from '../../shared/rng.ts';
import { explainScene } from '../cam/scene.ts';
import type { OverlayView } from '../cam/read.ts';
import { SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { datasetSample } from './samples.ts';

/** What the transform lab asks for: one transform at one slider value, how the image is resampled, and an optional flip after it. */
export interface TransformChoice {
  transform: string;
  amount: number;
  seed: number;
  interpolation: Interpolation;
  border: Border['kind'];
  /** Compose with a horizontal flip applied second (the lesson's product of matrices). */
  thenFlip: boolean;
}

export interface TransformLabView {
  /** The op the transform's sampler drew (all its randomness). */
  op: unknown;
  /** The transform's own matrix, the flip's, and the one matrix the sample was moved by (flip · transform); null where there is none. */
  matrices: { first: Matrix | null; flip: Matrix | null; total: Matrix | null };
  /** The moved sample; its boxes are the hulls of the moved corners. */
  sample: AugSample;
  /** Each moved mask's own box. */
  maskBoxes: Box[];
  /** The model on the moved image: every class's probability, and Grad-CAM of the asked class. */
  probabilities: Float32Array;
  gradCam: OverlayView;
}

/** The params the lab's slider stands for, for each transform it offers. */
function paramsOf(transform: string, a: number, rendering: Rendering): unknown {
  const exactly: [number, number] = [a, a];
  switch (transform) {
    case 'horizontalFlip':
    case 'verticalFlip':
      return { ...rendering, p: 1 };
    case 'rotate':
      return { ...rendering, degrees: exactly };
    case 'translate':
      return { ...rendering, x: exactly, y: exactly };
    case 'scale':
      return { ...rendering, factor: exactly };
    case 'shear':
      return { ...rendering, x: exactly, y: [0, 0] };
    case 'resizedCrop':
      return { ...rendering, scale: exactly, ratio: [3 / 4, 4 / 3] };
    case 'perspective':
      return { ...rendering, distortion: a };
    case 'hue':
      return { hue: exactly };
    case 'gamma':
      return { gamma: exactly };
    default:
      return { factor: exactly };
  }
}

/**
 * One transform of the lab on a sample: the op drawn from the seed, the
 * matrices, and image, masks and boxes moved by the product (flip second).
 * Photometric transforms have no matrix and leave masks and boxes alone.
 */
export function labTransform(input: AugSample, choice: TransformChoice): Omit<TransformLabView, 'probabilities' | 'gradCam'> {
  const knob = knobOf(choice.transform);
  const transform = TRANSFORMS.get(choice.transform);
  if (!knob || !transform) throw badArgument('labTransform', 'choice.transform', 'a transform the lab offers', choice.transform);
  const border: Border = choice.border === 'constant' ? { kind: 'constant', value: 0 } : { kind: choice.border };
  const rendering: Rendering = { interpolation: choice.interpolation, border };
  const op = transform.sample(paramsOf(choice.transform, choice.amount, rendering), createRng(choice.seed));
  const size = input.size;
  const flip = choice.thenFlip ? horizontalFlip.matrix({ ...rendering, flipped: true }, size) : null;
  const first = knob.geometric ? (transform as unknown as GeometricTransform<unknown, Rendering>).matrix(op as Rendering, size) : null;
  const total = first && flip ? compose(first, flip) : (first ?? flip);
  const moved = knob.geometric ? input : transform.apply(op, input);
  const sample = total ? applyMatrix(total, rendering, moved) : moved;
  return { op, matrices: { first, flip, total }, sample, maskBoxes: sample.masks.map((m) => boxOfMask(m, size)) };
}

/**
 * The transform lab: held-out scene `index` of `dataset` moved by the
 * choice, with the model's probabilities and Grad-CAM of class c on the moved
 * image (the CAM lesson's explainScene; one readback).
 */
export async function transformLab(dataset: string, index: number, choice: TransformChoice, classIndex: number, source: ModelSource = SALIENCY_MODEL): Promise<TransformLabView> {
  return transformOn(await datasetSample(dataset, index), choice, classIndex, source);
}

/** The transform lab on a sample given directly. */
export async function transformOn(input: AugSample, choice: TransformChoice, classIndex: number, source: ModelSource = SALIENCY_MODEL): Promise<TransformLabView> {
  const moved = labTransform(input, choice);
  const { methods, probabilities } = await explainScene(moved.sample.image, classIndex, source);
  return { ...moved, probabilities, gradCam: methods.find((m) => m.id === 'grad-cam')!.view };
}
