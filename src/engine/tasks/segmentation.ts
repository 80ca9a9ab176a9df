import * as tf from '@tensorflow/tfjs-core';
import { labelMap } from '../data/segmentation.ts';
import { addOverlap, classIoU, meanIoU } from '../explain/iou.ts';
import { badArgument } from '../shared/errors.ts';
import { SEGMENTER_MODEL_ID } from '../shared/models.ts';
import { BACKGROUND } from '../train/segmenter-spec.ts';
import { imageTensor, resolveModel, type ModelSource } from './scene-input.ts';

/** The course's segmentation network. */
export const SEGMENTER_MODEL = SEGMENTER_MODEL_ID;

/** One scene through the segmenter, against its exact masks. */
export interface SegmentationView {
  /** The most probable label of every pixel (0-9 the classes, 10 the background), size * size. */
  labels: Int32Array;
  /** The true label of every pixel, from the masks. */
  truth: Int32Array;
  /** The predicted label's probability at every pixel. */
  confidence: Float32Array;
  /** Pixels per label: predicted, true, in both (11 values each). */
  predictedPixels: Float64Array;
  truePixels: Float64Array;
  bothPixels: Float64Array;
  /** IoU of every label with the truth (NaN for a label in neither map), 11 values. */
  iou: Float64Array;
  /** The share of pixels labelled right. */
  pixelAccuracy: number;
  /** The mean IoU over the object classes in either map (the background left out). */
  meanIoU: number;
}

/**
 * Segments one scene (side * side * 3 floats in [0, 1]) and scores it against
 * its objects' visible masks: one forward pass, one readback.
 */
export async function segmentScene(
  image: Float32Array,
  objects: readonly { classIndex: number; mask: Uint8Array }[],
  source: ModelSource = SEGMENTER_MODEL,
): Promise<SegmentationView> {
  const model = await resolveModel(source);
  const size = Math.round(Math.sqrt(image.length / 3));
  if (objects.some((o) => o.mask.length !== size * size))
    throw badArgument(
      'segmentScene',
      'objects',
      `masks of ${size * size} pixels`,
      objects.map((o) => o.mask.length),
    );
  const read = tf.tidy(() => {
    const p = (model.predict(imageTensor(image, 'segmentScene').expandDims(0)) as tf.Tensor4D).squeeze([0]);
    return tf.concat([p.argMax(-1).toFloat().reshape([-1]), p.max(-1).reshape([-1])]);
  });
  const values = (await read.data()) as Float32Array;
  read.dispose();
  const labels = Int32Array.from(values.subarray(0, size * size));
  const truth = labelMap({ size, objects }, BACKGROUND);
  const overlap = addOverlap(labels, truth, BACKGROUND + 1);
  const iou = classIoU(overlap);
  const classes = Array.from({ length: BACKGROUND }, (_, k) => k);
  return {
    labels,
    truth,
    confidence: values.slice(size * size),
    predictedPixels: overlap.predicted,
    truePixels: overlap.truth,
    bothPixels: overlap.intersection,
    iou,
    pixelAccuracy: overlap.intersection.reduce((a, b) => a + b, 0) / labels.length,
    meanIoU: meanIoU(iou, classes),
  };
}
