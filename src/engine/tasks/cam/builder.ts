import * as tf from '@tensorflow/tfjs-core';
import { camWeights } from '../../explain/cam.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { classifierKernel, probe } from '../../probe/probe.ts';
import { badArgument } from '../../shared/errors.ts';
import { readMaps, type MapView } from '../read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { classifierBias, gapFeatureLayer } from './layers.ts';
import { toImageSize, readOverlays, readVectors, type OverlayView } from './read.ts';

/** One channel of the CAM sum: its map f_k, its class weight w_k^c, and what it adds to the score. */
export interface CamChannel {
  channel: number;
  weight: number;
  /** F_k, the global average of f_k. */
  mean: number;
  /** w_k^c F_k: the channel's share of the class score. */
  contribution: number;
  map: MapView;
}

/** The CAM sum built up channel by channel, in order of contribution. */
export interface CamBuild {
  layer: string;
  /** K, channels of the layer. */
  channels: number;
  /** n, how many of the ordered channels are summed. */
  summed: number;
  /** The first channels in order, with their maps. */
  top: CamChannel[];
  /** w_k^c F_k of all K channels, largest first. */
  contributions: Float32Array;
  /** Channel index of each entry of `contributions`. */
  order: Int32Array;
  /** S_n = sum of the first n terms w_k^c f_k, [h, w], signed. */
  partial: MapView;
  /** ReLU(S_n), scaled to [0, 1], upsampled and laid over the image; n = K gives the CAM. */
  overlay: OverlayView;
  /** y^c, the class logit, and b_c, its bias: y^c = sum_k w_k^c F_k + b_c. */
  logit: number;
  bias: number;
}

/**
 * The class activation map of one image assembled term by term
 * (Zhou et al. 2016, Sec. 2). After global average pooling the class score is
 *   y^c = sum_k w_k^c F_k + b_c,   F_k = (1 / Z) sum_{x,y} f_k(x, y),
 * so each channel adds w_k^c F_k. Channels of the pooled layer are ordered by
 * that share; the partial sum S_n of the first n weighted maps w_k^c f_k is
 * returned with its ReLU overlaid on the image. With n = K it is CAM itself
 * (`cam` in explain/), and the mean of S_K is y^c - b_c.
 *
 * @equation cam-score
 * @param image side * side * 3 floats in [0, 1]
 * @param summed n in [1, K], or 'all'
 * @param topCount how many leading channels to return with their maps
 */
export async function camBuilder(image: Float32Array, classIndex: number, summed: number | 'all', topCount = 6, source: ModelSource = SALIENCY_MODEL): Promise<CamBuild> {
  const model = await resolveModel(source);
  checkClass('camBuilder', model, classIndex);
  const layer = gapFeatureLayer(model);
  const channels = layer.outputShape[2]!;
  const n = summed === 'all' ? channels : summed;
  if (!Number.isInteger(n) || n < 1 || n > channels) throw badArgument('camBuilder', 'summed', `an integer in [1, ${channels}] or 'all'`, summed);
  const top = Math.min(Math.max(1, Math.floor(topCount)), channels);
  const t = tf.tidy(() => {
    const x = imageTensor(image, 'camBuilder');
    const { activations, scores } = probe(model, layer.name, x, classIndex);
    const w = camWeights(classifierKernel(model), classIndex).squeeze([0]) as tf.Tensor1D; // [K]
    const f = activations.squeeze([0]) as tf.Tensor3D; // [h, w, K]
    const means = f.mean([0, 1]) as tf.Tensor1D;
    const contribution = w.mul(means) as tf.Tensor1D;
    const { values: sorted, indices } = tf.topk(contribution, channels);
    const weighted = tf.gather(f.mul(w), indices, 2); // [h, w, K], ordered
    const partial = weighted.slice([0, 0, 0], [-1, -1, n]).sum(2) as tf.Tensor2D;
    const scaled = normalizeMap(tf.relu(partial).expandDims(0)).squeeze([0]) as tf.Tensor2D;
    const maps = tf.unstack(tf.gather(f, indices.slice([0], [top]), 2).transpose([2, 0, 1])) as tf.Tensor2D[];
    return {
      maps: [...maps, partial],
      overlay: toImageSize(x, scaled),
      vectors: [sorted, indices.toFloat(), tf.gather(w, indices), tf.gather(means, indices), scores.slice([0, classIndex], [1, 1]).reshape([1]), classifierBias(model, classIndex)],
    };
  });
  const [views, [overlay], [contributions, order, weights, means, logit, bias]] = await Promise.all([readMaps(t.maps), readOverlays([t.overlay], image), readVectors(t.vectors)]);
  return {
    layer: layer.name,
    channels,
    summed: n,
    top: views.slice(0, top).map((map, i) => ({ channel: order![i]!, weight: weights![i]!, mean: means![i]!, contribution: contributions![i]!, map })),
    contributions: contributions!,
    order: Int32Array.from(order!),
    partial: views[top]!,
    overlay: overlay!,
    logit: logit![0]!,
    bias: bias![0]!,
  };
}
