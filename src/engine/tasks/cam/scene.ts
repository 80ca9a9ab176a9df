import * as tf from '@tensorflow/tfjs-core';
import { CAM_METHODS } from '../../explain/cam-registry.ts';
import { runCam } from '../../explain/cam-base.ts';
import { classifierKernel, probe } from '../../probe/probe.ts';
import { checkClass, imageTensor, resolveModel, SALIENCY_MODEL, type ModelSource } from '../scene-input.ts';
import { gapFeatureLayer } from './layers.ts';
import { toImageSize, readOverlays, readVectors, type OverlayView } from './read.ts';

/** One CAM-family method's answer to "where is class c?". */
export interface MethodMap {
  id: string;
  label: string;
  view: OverlayView;
}

export interface SceneExplanation {
  layer: string;
  /** CAM, Grad-CAM and Grad-CAM++ at the pooled layer, in registry order. */
  methods: MethodMap[];
  /** Softmax probability of every class. */
  probabilities: Float32Array;
}

/**
 * Every CAM-family method of the registry on one image for class c, at the
 * layer feeding global average pooling, each map scaled to [0, 1],
 * upsampled and laid over the image, with its peak. One readback.
 *
 * @param image side * side * 3 floats in [0, 1]
 */
export async function explainScene(image: Float32Array, classIndex: number, source: ModelSource = SALIENCY_MODEL): Promise<SceneExplanation> {
  const model = await resolveModel(source);
  checkClass('explainScene', model, classIndex);
  const layer = gapFeatureLayer(model).name;
  const t = tf.tidy(() => {
    const x = imageTensor(image, 'explainScene');
    const inputs = { ...probe(model, layer, x, classIndex), classifier: classifierKernel(model), classIndex };
    const overlays = CAM_METHODS.map((method) => toImageSize(x, runCam(method, inputs).map.squeeze([0]) as tf.Tensor2D));
    return { overlays, probabilities: tf.softmax(inputs.scores).reshape([-1]) };
  });
  const [views, [probabilities]] = await Promise.all([readOverlays(t.overlays, image), readVectors([t.probabilities])]);
  return { layer, methods: CAM_METHODS.map(({ id, label }, i) => ({ id, label, view: views[i]! })), probabilities: probabilities! };
}
