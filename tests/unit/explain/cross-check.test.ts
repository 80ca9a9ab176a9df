import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cam, CAM_METHODS, gradCam, normalizeMap, runCam } from '~/engine/explain/index.ts';
import { classifierKernel, probe } from '~/engine/probe/index.ts';
import { tinyCnn, tinyImages } from '../probe/tiny-cnn.ts';
import { expectClose, values } from './helpers.ts';

describe('CAM and Grad-CAM on a GAP + dense network', () => {
  it('agree after normalisation, through probe (alpha_k = w_k^c / Z)', async () => {
    // y^c = sum_k w_k^c (1/Z) sum_ij A^k_ij + b, so dy^c/dA^k_ij = w_k^c / Z and
    // alpha_k^c = w_k^c / Z: Grad-CAM is CAM divided by Z (Selvaraju et al. 2017, Sec. 3.1).
    const model = tinyCnn();
    const images = tinyImages();
    const W = classifierKernel(model);
    for (const c of [0, 1, 2]) {
      const { activations, gradients, scores } = probe(model, 'conv', images, c);
      const grad = gradCam(activations, gradients);
      const camMap = cam(activations, W, c);
      const [a, b] = [normalizeMap(grad.map), normalizeMap(camMap)];
      expectClose(await values(a), await values(b));
      const column = ((await W.array()) as number[][]).map((row) => row[c]! / 16);
      expectClose(await values(grad.alphas), [...column, ...column]);
      tf.dispose([activations, gradients, scores, grad.map, grad.alphas, camMap, a, b]);
    }
    tf.dispose([images, W]);
    model.dispose();
  });
});

describe('CAM-family contract', () => {
  it.each(CAM_METHODS.map((m) => [m.id, m] as const))('%s returns [n, h, w] in [0, 1] and leaks nothing', async (_id, method) => {
    const model = tinyCnn('layer');
    const images = tinyImages();
    const classifier = classifierKernel(model);
    const inputs = { ...probe(model, 'relu', images, [0, 1]), classifier, classIndex: [0, 1] };
    const before = tf.memory().numTensors;
    const { map, weights } = runCam(method, inputs);
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(map.shape).toEqual([2, 4, 4]);
    expect(weights.shape).toEqual([2, 2]);
    const v = await values(map);
    expect(v.every((x) => x >= 0 && x <= 1)).toBe(true);
    // Both test images have some positive evidence here, so each map reaches 1.
    expect([Math.max(...v.slice(0, 16)), Math.max(...v.slice(16))]).toEqual([1, 1]);
    tf.dispose([map, weights, inputs.activations, inputs.gradients, inputs.scores, classifier, images]);
    model.dispose();
  });
});
