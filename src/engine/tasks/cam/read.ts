import * as tf from '@tensorflow/tfjs-core';
import { upsampleMaps } from '../../explain/upsample.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import type { MapView } from '../read-maps.ts';

/** A heatmap laid over the image at full size; `values` are the upsampled map in [0, 1]. */
export interface OverlayView extends MapView {
  /** Row and column of the map's first maximum (row-major), the pointing game's peak. */
  peak: [number, number];
}

/**
 * Upsamples a map in [0, 1] ([h, w]) bilinearly to the image's size. The caller owns the result.
 * @param image [H, W, 3] in [0, 1]
 */
export function toImageSize(image: tf.Tensor3D, map: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => upsampleMaps(map.expandDims(0) as tf.Tensor3D, image.shape.slice(0, 2) as [number, number]).squeeze([0]) as tf.Tensor2D);
}

/**
 * Reads upsampled maps back (one round trip for all of them), disposes them,
 * and lays each over the image in heat colours.
 * @param image the image the maps explain, H * W * 3 values in [0, 1]
 */
export async function readOverlays(maps: tf.Tensor2D[], image: Float32Array): Promise<OverlayView[]> {
  try {
    const read = await Promise.all(maps.map((map) => map.data<'float32'>()));
    return read.map((values, i) => {
      const [height, width] = maps[i]!.shape;
      let best = 0;
      for (let p = 1; p < values.length; p++) if (values[p]! > values[best]!) best = p;
      return { width, height, values, rgba: overlayHeatmap(image, values), scale: { kind: 'gray', min: 0, max: 1 }, peak: [Math.floor(best / width), best % width] };
    });
  } finally {
    tf.dispose(maps);
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
