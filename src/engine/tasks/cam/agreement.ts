import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { cam } from '../../explain/cam.ts';
import { normalizeMap } from '../../explain/cam-base.ts';
import { gradCam } from '../../explain/grad-cam.ts';
import { classifierKernel, probe } from '../../probe/probe.ts';
import { gapFeatureLayer } from './layers.ts';

/** CAM against Grad-CAM at the pooled layer, as tensors the caller owns (scalars). */
export interface AgreementTensors {
  /** max |CAM' - Grad-CAM'| over the map, both scaled to [0, 1]. */
  mapGap: tf.Scalar;
  /** max_k |Z alpha_k^c - w_k^c|: how far the alphas are from the dense weights over Z. */
  weightGap: tf.Scalar;
  /** Z = h w, the number of positions the pooling averages. */
  z: number;
}

/**
 * Why CAM and Grad-CAM coincide on a GAP network (Selvaraju et al. 2017,
 * Sec. 3.1). With F_k = (1/Z) sum_ij A^k_ij and y^c = sum_k w_k^c F_k + b_c,
 *   dy^c / dA^k_ij = w_k^c / Z   at every position,
 * so alpha_k^c = w_k^c / Z and Grad-CAM is CAM divided by Z, the same map
 * once scaled. Measured here on a real image: the largest gap between the
 * two scaled maps and between Z alpha_k^c and w_k^c.
 *
 * @equation cam-grad-cam-equivalence
 * @param x one image [1, H, W, 3]
 */
export function camAgreement(model: tfl.LayersModel, x: tf.Tensor4D, classIndex: number): AgreementTensors {
  const layer = gapFeatureLayer(model);
  const z = layer.outputShape[0]! * layer.outputShape[1]!;
  return tf.tidy(() => {
    const { activations, gradients } = probe(model, layer.name, x, classIndex);
    const kernel = classifierKernel(model);
    const grad = gradCam(activations, gradients);
    const camMap = cam(activations, kernel, classIndex);
    const mapGap = normalizeMap(camMap).sub(normalizeMap(grad.map)).abs().max() as tf.Scalar;
    const w = tf.gather(kernel, [classIndex], 1).reshape([-1]);
    const weightGap = grad.alphas.reshape([-1]).mul(z).sub(w).abs().max() as tf.Scalar;
    return { mapGap, weightGap, z };
  });
}
