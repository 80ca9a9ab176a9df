import * as tf from '@tensorflow/tfjs-core';
import { upsampleMaps } from '../../explain/upsample.ts';
import { badArgument } from '../../shared/errors.ts';
import { overlayHeatmap } from '../../tensor/heatmap.ts';
import { imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import { activationLayerChoices } from './layer-choices.ts';
import { maskedImage, objectFraction, thresholdMask, type ThresholdMode } from './mask.ts';

/** What one channel responds to in one image: its upsampled map, the thresholded mask, and where the mask falls. */
export interface ChannelMask {
  layer: string;
  channel: number;
  /** K, channels of the layer. */
  channels: number;
  /** h x w of the layer's map before upsampling. */
  mapSize: [number, number];
  /** Â^k, the map resized to the image, H * W values. */
  upsampled: Float32Array<ArrayBuffer>;
  /** Â^k / max Â^k in heat colours laid over the image (negatives shown as 0), RGBA. */
  heat: Uint8ClampedArray;
  /** The image with pixels outside M dimmed, RGBA. */
  masked: Uint8ClampedArray;
  /** M, 1 where Â^k > t. */
  mask: Uint8Array;
  /** max_p Â^k(p) and the threshold t. */
  max: number;
  threshold: number;
  /** sum M, sum M O, their ratio f, and the object's share of the image sum O / (H W). */
  kept: number;
  onObject: number;
  fraction: number;
  objectShare: number;
}

/**
 * Thresholds one channel of a layer on one image and measures how much of
 * what it keeps lies on the object (`thresholdMask`, `objectFraction`).
 *
 * @param image side * side * 3 floats in [0, 1]
 * @param object O, side * side of 0 and 1 (the scene's exact object mask)
 */
export async function channelMask(
  image: Float32Array,
  object: Uint8Array,
  layerName: string,
  channel: number,
  tau: number,
  mode: ThresholdMode = 'relative',
  source: ModelSource = SALIENCY_MODEL,
): Promise<ChannelMask> {
  const model = await resolveModel(source);
  const layer = activationLayerChoices(model).find((l) => l.name === layerName);
  if (!layer) throw badArgument('channelMask', 'layerName', `one of ${activationLayerChoices(model).map((l) => l.name).join(', ')}`, layerName);
  const [h, w, channels] = layer.outputShape as [number, number, number];
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) throw badArgument('channelMask', 'channel', `an integer in [0, ${channels})`, channel, `layer "${layerName}"`);
  const x = imageTensor(image, 'channelMask');
  const [height, width] = x.shape;
  if (object.length !== height * width) {
    x.dispose();
    throw badArgument('channelMask', 'object', `${height * width} mask values`, `${object.length}`);
  }
  const t = tf.tidy(() => {
    const a = featureMaps(model, layerName, x).slice([0, 0, 0, channel], [1, h, w, 1]).reshape([1, h, w]) as tf.Tensor3D;
    const up = upsampleMaps(a, [height, width]).squeeze([0]) as tf.Tensor2D;
    const { mask, threshold } = thresholdMask(up, tau, mode);
    const o = tf.tensor2d(Float32Array.from(object), [height, width]);
    const top = up.max();
    const heat = up.div(top.maximum(1e-12));
    const sums = tf.stack([top, threshold, mask.sum(), mask.mul(o).sum(), objectFraction(mask, o), o.mean()]);
    return [up, heat, maskedImage(x, mask), mask, sums];
  });
  x.dispose();
  try {
    const [up, heat, masked, mask, sums] = await Promise.all(t.map((v) => v.data()));
    const [max, threshold, kept, onObject, fraction, objectShare] = Array.from(sums!);
    return {
      layer: layerName,
      channel,
      channels,
      mapSize: [h, w],
      upsampled: Float32Array.from(up!),
      heat: overlayHeatmap(image, heat as Float32Array),
      masked: Uint8ClampedArray.from(masked!),
      mask: Uint8Array.from(mask!),
      max: max!,
      threshold: threshold!,
      kept: kept!,
      onObject: onObject!,
      fraction: fraction!,
      objectShare: objectShare!,
    };
  } finally {
    tf.dispose(t);
  }
}
