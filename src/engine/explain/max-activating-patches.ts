import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../shared/errors.ts';

export interface TopUnits {
  /** Per pick: [image index, row, col] of the unit, [k, 3] int32, strongest first. */
  positions: tf.Tensor2D;
  /** The activations there, [k]. */
  values: tf.Tensor1D;
}

export interface Patch {
  image: number;
  row: number;
  col: number;
  value: number;
}

/**
 * The images of a batch that drive one channel hardest, one unit per image
 * (its spatial argmax), strongest k first, as in the "top image patches"
 * figures of Zeiler & Fergus 2014. Crop each with `receptiveField(layers, row, col, image)`.
 * Ties keep the lower image index, and within an image the first position in
 * row-major order. As an equation, over images n and positions (u, v):
 *   m_n = max_{u,v} A_n[u, v, c],  (u_n, v_n) = argmax_{u,v} A_n[u, v, c],  then the k images with the largest m_n.
 * @equation top-k-patches
 * @param activations [n, h, w, c] at one layer; @param channel 0..c-1; @param k 1..n
 * @returns caller-owned tensors
 */
export function maxActivatingUnits(activations: tf.Tensor4D, channel: number, k: number): TopUnits {
  if (activations.rank !== 4) {
    throw badArgument('maxActivatingUnits', 'activations', 'a tensor of shape [n, h, w, c]', `shape [${activations.shape.join(', ')}]`);
  }
  const [n, h, w, c] = activations.shape;
  if (!Number.isInteger(channel) || channel < 0 || channel >= c) throw badArgument('maxActivatingUnits', 'channel', `an integer in 0..${c - 1}`, channel);
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw badArgument('maxActivatingUnits', 'k', `an integer in 1..${n} (one unit per image)`, k, 'pass more images or ask for fewer');
  }
  return tf.tidy(() => {
    const maps = activations.slice([0, 0, 0, channel], [n, h, w, 1]).reshape([n, h * w]);
    const where = maps.argMax(1);
    const best = maps.max(1);
    const { values, indices: images } = tf.topk(best, k, true);
    const flat = where.gather(images);
    const width = tf.scalar(w, 'int32');
    const rows = flat.floorDiv(width);
    const cols = flat.sub(rows.mul(width));
    return { positions: tf.stack([images, rows, cols], 1) as tf.Tensor2D, values: values as tf.Tensor1D };
  });
}

/** Reads `maxActivatingUnits`'s result in one round trip and disposes it. */
export async function readPatches(top: TopUnits): Promise<Patch[]> {
  try {
    const [positions, values] = await Promise.all([top.positions.data(), top.values.data()]);
    return Array.from(values, (value, t) => ({ image: positions[3 * t]!, row: positions[3 * t + 1]!, col: positions[3 * t + 2]!, value }));
  } finally {
    tf.dispose([top.positions, top.values]);
  }
}
