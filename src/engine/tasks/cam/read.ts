import * as tf from '@tensorflow/tfjs-core';
import { upsampleMaps } from '../../explain/upsample.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import type { MapView } from '../read-maps.ts';

/** A heatmap laid over the image at full size; `values` are the upsampled map in [0, 1]. */
export interface OverlayView extends MapView {
  /** Row and column of the map's first maximum (row-major), the pointing game's peak. */
  peak: [number, number];
}

/** The tensors of one overlay: the map upsampled to the image [H, W] and the RGBA overlay [H, W, 4]. */
export type OverlayTensors = [tf.Tensor2D, tf.Tensor3D];

/**
 * Upsamples a map in [0, 1] ([h, w]) bilinearly to the image and lays it over
 * the image in heat colours. The caller owns both tensors.
 * @param image [H, W, 3] in [0, 1]
 */
export function overlayTensors(image: tf.Tensor3D, map: tf.Tensor2D): OverlayTensors {
  return tf.tidy(() => {
    const [height, width] = image.shape;
    const up = upsampleMaps(map.expandDims(0) as tf.Tensor3D, [height, width]).squeeze([0]) as tf.Tensor2D;
    return [up, overlayHeatmap(image, up)];
  });
}

/** Reads overlays back (one round trip for all of them) and disposes their tensors. */
export async function readOverlays(overlays: OverlayTensors[]): Promise<OverlayView[]> {
  try {
    const read = await Promise.all(overlays.map(([values, rgba]) => Promise.all([values.data<'float32'>(), rgba.data<'int32'>()])));
    return read.map(([values, rgba], i) => {
      const [height, width] = overlays[i]![0].shape;
      let best = 0;
      for (let p = 1; p < values.length; p++) if (values[p]! > values[best]!) best = p;
      return { width, height, values, rgba: Uint8ClampedArray.from(rgba), scale: { kind: 'gray', min: 0, max: 1 }, peak: [Math.floor(best / width), best % width] };
    });
  } finally {
    tf.dispose(overlays.flat());
  }
}

/** Reads 1-D tensors back as Float32Arrays and disposes them. */
export async function readVectors(vectors: tf.Tensor[]): Promise<Float32Array[]> {
  try {
    return await Promise.all(vectors.map((v) => v.data<'float32'>()));
  } finally {
    tf.dispose(vectors);
  }
}
