import * as tf from '@tensorflow/tfjs-core';
import { normalizeMap } from '../../explain/cam-base.ts';
import { badArgument } from '../../shared/errors.ts';
import { gradCam } from '../../explain/grad-cam.ts';
import { gradCamPlusPlus } from '../../explain/grad-cam-plus-plus.ts';
import { guidedGradCam } from '../../explain/guided-grad-cam.ts';
import { vanillaSaliency } from '../../explain/saliency.ts';
import type { LayerInfo } from '../../probe/layers.ts';
import { inputGradient, probe } from '../../probe/probe.ts';
import { readMaps, type MapView } from '../read-maps.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { camAgreement } from './agreement.ts';
import { camLayerChoices, gapFeatureLayer } from './layers.ts';
import { toImageSize, readOverlays, readVectors, type OverlayView } from './read.ts';

/** The layers Grad-CAM can be asked about, and which one feeds the pooling (the default). */
export async function camLayers(source: ModelSource = SALIENCY_MODEL): Promise<{ layers: LayerInfo[]; pooled: string }> {
  const model = await resolveModel(source);
  return { layers: camLayerChoices(model), pooled: gapFeatureLayer(model).name };
}

/** What the Grad-CAM explorer draws first: the maps and alphas of one image, class and layer. */
export interface GradCamView {
  layer: LayerInfo;
  /** alpha_k^c of every channel k of the layer (index = channel). */
  alphas: Float32Array;
  /** Grad-CAM++ channel weights w_k^c, same indexing. */
  plusPlusWeights: Float32Array;
  gradCam: OverlayView;
  plusPlus: OverlayView;
  /** y^c and softmax p^c. */
  logit: number;
  probability: number;
}

/**
 * Grad-CAM and Grad-CAM++ of class c at one layer (Selvaraju et al. 2017;
 * Chattopadhay et al. 2018) from one probe of the layer, with the alphas.
 * One readback; the slower extras come from `gradCamDetails`.
 *
 * @param image side * side * 3 floats in [0, 1]
 */
export async function gradCamExplorer(image: Float32Array, classIndex: number, layerName: string, source: ModelSource = SALIENCY_MODEL): Promise<GradCamView> {
  const model = await resolveModel(source);
  checkClass('gradCamExplorer', model, classIndex);
  const layer = chosenLayer(model, layerName, 'gradCamExplorer');
  const t = tf.tidy(() => {
    const x = imageTensor(image, 'gradCamExplorer');
    const { activations, gradients, scores } = probe(model, layer.name, x, classIndex);
    const grad = gradCam(activations, gradients);
    const plus = gradCamPlusPlus(activations, gradients);
    return {
      overlays: [toImageSize(x, normalizeMap(grad.map).squeeze([0]) as tf.Tensor2D), toImageSize(x, normalizeMap(plus.map).squeeze([0]) as tf.Tensor2D)],
      vectors: [grad.alphas.reshape([-1]), plus.weights.reshape([-1]), scores.reshape([-1]), tf.softmax(scores).reshape([-1])],
    };
  });
  const [[gradView, plusView], [alphas, plusPlusWeights, logits, probabilities]] = await Promise.all([readOverlays(t.overlays, image), readVectors(t.vectors)]);
  return { layer, alphas: alphas!, plusPlusWeights: plusPlusWeights!, gradCam: gradView!, plusPlus: plusView!, logit: logits![classIndex]!, probability: probabilities![classIndex]! };
}

/** The explorer's second, slower part: Guided Grad-CAM at the layer and CAM's agreement with Grad-CAM. */
export interface GradCamDetails {
  /** |guided backprop * upsampled Grad-CAM|, max over colour channels, [H, W], divided by its 99th percentile and clipped to [0, 1]. */
  guided: MapView;
  /** CAM against Grad-CAM at the pooled layer, whatever layer is chosen. */
  agreement: { layer: string; z: number; mapGap: number; weightGap: number };
}

/**
 * Guided Grad-CAM of class c at one layer (guided backpropagation to the
 * pixels, times the upsampled Grad-CAM map) and the measured agreement of CAM
 * and Grad-CAM at the pooled layer. One readback.
 */
export async function gradCamDetails(image: Float32Array, classIndex: number, layerName: string, source: ModelSource = SALIENCY_MODEL): Promise<GradCamDetails> {
  const model = await resolveModel(source);
  checkClass('gradCamDetails', model, classIndex);
  const layer = chosenLayer(model, layerName, 'gradCamDetails');
  const t = tf.tidy(() => {
    const batch = imageTensor(image, 'gradCamDetails').expandDims(0) as tf.Tensor4D;
    const { activations, gradients } = probe(model, layer.name, batch, classIndex);
    const scaled = normalizeMap(gradCam(activations, gradients).map);
    const guidedGradient = inputGradient(model, batch, classIndex, { reluBackward: 'guided' }) as tf.Tensor4D;
    const magnitude = vanillaSaliency(guidedGradCam(scaled, guidedGradient)).squeeze([0]) as tf.Tensor2D;
    // A few pixels dominate |G|: scale by its 99th percentile (values above show as 1) so the detail stays visible.
    const top = tf.topk(magnitude.reshape([-1]), Math.max(1, Math.round(magnitude.size / 100))).values.min();
    const guided = magnitude.div(top.maximum(1e-12)).clipByValue(0, 1) as tf.Tensor2D;
    const agreement = camAgreement(model, batch, classIndex);
    return { guided, gaps: tf.stack([agreement.mapGap, agreement.weightGap]), z: agreement.z };
  });
  const [[guided], [gaps]] = await Promise.all([readMaps([t.guided]), readVectors([t.gaps])]);
  return { guided: guided!, agreement: { layer: gapFeatureLayer(model).name, z: t.z, mapGap: gaps![0]!, weightGap: gaps![1]! } };
}

/** The menu's layer of that name. */
function chosenLayer(model: Parameters<typeof camLayerChoices>[0], layerName: string, fn: string): LayerInfo {
  const choices = camLayerChoices(model);
  const layer = choices.find((l) => l.name === layerName);
  if (!layer) throw badArgument(fn, 'layerName', `one of ${choices.map((l) => l.name).join(', ')}`, layerName);
  return layer;
}
