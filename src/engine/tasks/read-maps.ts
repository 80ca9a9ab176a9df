import * as tf from '@tensorflow/tfjs-core';
import { colorize, scaleFor, type ColorScale } from '../tensor/colormap.ts';

/** A 2-D map as a widget draws and inspects it: raw values, its colours, its legend. */
export interface MapView {
  width: number;
  height: number;
  /** Row-major values, for hover read-outs. */
  values: Float32Array;
  /** RGBA bytes for `new ImageData(rgba, width, height)`. */
  rgba: Uint8ClampedArray;
  scale: ColorScale;
}

/**
 * Reads maps back to the page in one await (one round trip to the backend per
 * interaction) and colours them on the values read. Disposes the maps it was given.
 */
export async function readMaps(maps: tf.Tensor2D[]): Promise<MapView[]> {
  try {
    const values = await Promise.all(maps.map((map) => map.data<'float32'>()));
    return maps.map((map, i) => {
      const v = values[i]!;
      const [height, width] = map.shape;
      const scale = scaleFor(min(v), max(v));
      return { width, height, values: v, rgba: colorize(v, scale), scale };
    });
  } finally {
    tf.dispose(maps);
  }
}

function min(values: Float32Array): number {
  return values.reduce((a, b) => Math.min(a, b), Infinity);
}

function max(values: Float32Array): number {
  return values.reduce((a, b) => Math.max(a, b), -Infinity);
}
