import * as tf from '@tensorflow/tfjs-core';
import { convLayers } from '../../probe/layers.ts';
import { badArgument } from '../../shared/errors.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';

/** Which weights share one bound m: each filter its own, or all filters of the layer together. */
export type FilterScale = 'filter' | 'layer';

/**
 * Filter weights as image tiles (Zeiler & Fergus 2014, Fig. 2; Krizhevsky et
 * al. 2012, Fig. 3). Each weight maps linearly to [0, 1] with 0 at mid grey:
 *   T^k_{u,v,c} = 1/2 + W^k_{u,v,c} / (2 m),
 *   m = max_{u,v,c} |W^k_{u,v,c}|          (scale 'filter'), or
 *   m = max_{k',u,v,c} |W^{k'}_{u,v,c}|    (scale 'layer').
 * The largest weight of magnitude m becomes 0 or 1; a channel c is red,
 * green or blue for an RGB input.
 *
 * @equation filter-tile
 * @param kernel W as a Conv2D stores it, [kh, kw, cin, K]
 * @returns tiles [K, kh, kw, cin] in [0, 1] and the bound m of each filter [K]; the caller owns both
 */
export function filterTiles(kernel: tf.Tensor4D, scale: FilterScale): { tiles: tf.Tensor4D; bounds: tf.Tensor1D } {
  if (kernel.rank !== 4) throw badArgument('filterTiles', 'kernel', 'a Conv2D kernel [kh, kw, cin, K]', `[${kernel.shape}]`);
  if (scale !== 'filter' && scale !== 'layer') throw badArgument('filterTiles', 'scale', "'filter' or 'layer'", scale);
  return tf.tidy(() => {
    const w = kernel.transpose([3, 0, 1, 2]) as tf.Tensor4D; // [K, kh, kw, cin]
    const perFilter = w.abs().max([1, 2, 3]) as tf.Tensor1D;
    const bounds = (scale === 'filter' ? perFilter : tf.fill([w.shape[0]], 1).mul(perFilter.max())).maximum(1e-12) as tf.Tensor1D;
    const tiles = w.div(bounds.reshape([-1, 1, 1, 1]).mul(2)).add(0.5) as tf.Tensor4D;
    return { tiles, bounds };
  });
}

/** The first convolutional layer of a model, read for the filter gallery. */
export interface FilterBank {
  layer: string;
  /** [kh, kw, cin] of one filter. */
  size: [number, number, number];
  /** K, the number of filters. */
  count: number;
  scale: FilterScale;
  /** W^k in [u][v][c] order (row-major, as the tile reads), one array per filter. */
  weights: Float32Array[];
  bias: Float32Array;
  /** m of each filter. */
  bounds: Float32Array;
  /** T^k as RGBA bytes (kh * kw * 4), grey for a one-channel input. */
  tiles: Uint8ClampedArray[];
  /** The input rescaling x' = scale x + offset the model applies before the layer, if any. */
  rescale?: { scale: number; offset: number };
}

/** The filters of a model's first Conv2D as tiles, with their raw weights and biases. One readback. */
export async function firstLayerFilters(source: ModelSource, scale: FilterScale = 'filter'): Promise<FilterBank> {
  const model = await resolveModel(source);
  const info = convLayers(model)[0];
  if (!info) throw badArgument('firstLayerFilters', 'model', 'a model with a Conv2D layer', model.name);
  const layer = model.getLayer(info.name);
  const [kernel, biasTensor] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D?];
  const [kh, kw, cin, count] = kernel.shape;
  if (cin !== 1 && cin !== 3) throw badArgument('firstLayerFilters', 'model', 'a first Conv2D over 1 or 3 channels', `${cin} channels`);
  const t = tf.tidy(() => {
    const { tiles, bounds } = filterTiles(kernel, scale);
    const rgb = cin === 1 ? tiles.tile([1, 1, 1, 3]) : tiles;
    const rgba = tf.concat([rgb.mul(255).round().clipByValue(0, 255), tf.fill([count, kh, kw, 1], 255)], 3).toInt();
    return [kernel.transpose([3, 0, 1, 2]), biasTensor ? biasTensor.clone() : tf.zeros([count]), bounds, rgba];
  });
  try {
    const [w, b, m, rgba] = await Promise.all(t.map((x) => x.data()));
    const per = kh * kw * cin;
    const first = model.layers.find((l) => l.getClassName() !== 'InputLayer');
    const config = first?.getClassName() === 'Rescaling' ? (first.getConfig() as { scale: number; offset: number }) : undefined;
    return {
      layer: info.name,
      size: [kh, kw, cin],
      count,
      scale,
      weights: Array.from({ length: count }, (_, k) => Float32Array.from(w!.subarray(k * per, (k + 1) * per))),
      bias: Float32Array.from(b!),
      bounds: Float32Array.from(m!),
      tiles: Array.from({ length: count }, (_, k) => Uint8ClampedArray.from(rgba!.subarray(k * kh * kw * 4, (k + 1) * kh * kw * 4))),
      ...(config ? { rescale: { scale: config.scale, offset: config.offset } } : {}),
    };
  } finally {
    tf.dispose(t);
  }
}
