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
 * Reads maps back to the page in one await: values and colours of all maps are
 * requested together, so an interaction costs one round trip to the backend.
 * Disposes the maps it was given.
 */
export async function readMaps(maps: tf.Tensor2D[]): Promise<MapView[]> {
  const colours = maps.map((map) => colorize(map));
  try {
    const [values, rgba] = await Promise.all([
      Promise.all(maps.map((map) => map.data<'float32'>())),
      Promise.all(colours.map((colour) => colour.data<'int32'>())),
    ]);
    return maps.map((map, i) => {
      const v = values[i]!;
      const [height, width] = map.shape;
      return { width, height, values: v, rgba: Uint8ClampedArray.from(rgba[i]!), scale: scaleFor(min(v), max(v)) };
    });
  } finally {
    tf.dispose([...maps, ...colours]);
  }
}

function min(values: Float32Array): number {
  return values.reduce((a, b) => Math.min(a, b), Infinity);
}

function max(values: Float32Array): number {
  return values.reduce((a, b) => Math.max(a, b), -Infinity);
}
