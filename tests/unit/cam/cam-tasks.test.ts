import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { cam } from '~/engine/explain/cam.ts';
import { normalizeMap } from '~/engine/explain/cam-base.ts';
import { upsampleMaps } from '~/engine/explain/upsample.ts';
import { gradCam } from '~/engine/explain/grad-cam.ts';
import { classifierKernel, inputGradient, probe } from '~/engine/probe/probe.ts';
import { camBuilder, camLayers, explainScene, gradCamDetails, gradCamExplorer } from '~/engine/tasks/cam.ts';
import { tinyGapCnn, tinyImage } from './tiny-gap.ts';

const model = tinyGapCnn();
const image = tinyImage();
afterAll(() => model.dispose());

/** CAM of the tiny model computed with the explain/ functions, scaled and upsampled to 8 x 8. */
async function referenceCam(c: number): Promise<Float32Array> {
  const t = tf.tidy(() => {
    const { activations } = probe(model, 'last_relu', tf.tensor3d(image, [8, 8, 3]), c);
    return upsampleMaps(normalizeMap(cam(activations, classifierKernel(model), c)), [8, 8]);
  });
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

describe('camLayers', () => {
  it('lists the Conv2D layers and the ReLU the pooling reads, by class name', async () => {
    const { layers, pooled } = await camLayers(model);
    expect(pooled).toBe('last_relu');
    expect(layers.map((l) => `${l.name}:${l.className}:${l.outputShape.join('x')}`)).toEqual(['conv_0:Conv2D:8x8x4', 'last_conv:Conv2D:4x4x5', 'last_relu:ReLU:4x4x5']);
  });
});

describe('camBuilder', () => {
  it('sums to the logit: sum_k w_k F_k + b_c = y^c, largest share first, and all channels give CAM', async () => {
    for (const c of [0, 1, 2]) {
      const build = await camBuilder(image, c, 'all', 3, model);
      expect(build.layer).toBe('last_relu');
      expect(build.channels).toBe(5);
      const shares = Array.from(build.contributions);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
      expect(shares.reduce((a, b) => a + b, 0) + build.bias).toBeCloseTo(build.logit, 5);
      // The mean of S_K over the 4 x 4 map is the same sum.
      expect(build.partial.values.reduce((a, b) => a + b, 0) / 16).toBeCloseTo(shares.reduce((a, b) => a + b, 0), 5);
      const reference = await referenceCam(c);
      Array.from(build.overlay.values).forEach((v, p) => expect(v).toBeCloseTo(reference[p]!, 5));
      build.top.forEach((channel) => expect(channel.weight * channel.mean).toBeCloseTo(channel.contribution, 6));
    }
  });

  it('with n = 1 the sum is the leading channel times its weight', async () => {
    const build = await camBuilder(image, 1, 1, 2, model);
    const [first] = build.top;
    Array.from(build.partial.values).forEach((v, p) => expect(v).toBeCloseTo(first!.weight * first!.map.values[p]!, 5));
    await expect(camBuilder(image, 1, 6, 2, model)).rejects.toThrow("camBuilder(summed): expected an integer in [1, 5] or 'all', got 6");
  });

  it('does not leak memory', async () => {
    await camBuilder(image, 0, 2, 3, model);
    const before = tf.memory().numTensors;
    await camBuilder(image, 2, 'all', 3, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('gradCamExplorer', () => {
  it('at the pooled layer, alpha_k = w_k^c / Z and CAM equals Grad-CAM', async () => {
    const view = await gradCamExplorer(image, 2, 'last_relu', model);
    const kernel = classifierKernel(model);
    const w = ((await kernel.array()) as number[][]).map((row) => row[2]!);
    kernel.dispose();
    Array.from(view.alphas).forEach((alpha, k) => expect(alpha).toBeCloseTo(w[k]! / 16, 6));
    const { agreement } = await gradCamDetails(image, 2, 'last_conv', model);
    expect(agreement).toMatchObject({ layer: 'last_relu', z: 16 });
    expect(agreement.mapGap).toBeLessThan(1e-5);
    expect(agreement.weightGap).toBeLessThan(1e-5);
    const reference = await referenceCam(2);
    Array.from(view.gradCam.values).forEach((v, p) => expect(v).toBeCloseTo(reference[p]!, 5));
  });

  it('before the batch norm, alphas are the mean of gradients written out by hand', async () => {
    // y^c = sum_k w_k mean_ij ReLU(g_k (A_ij^k - m_k) / sqrt(v_k + eps) + beta_k) + b_c, differentiated by tf.grad.
    const c = 0;
    const view = await gradCamExplorer(image, c, 'last_conv', model);
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, 8, 8, 3]);
      const a = probe(model, 'last_conv', x, c).activations;
      const [gamma, beta, mean, variance] = model.getLayer('last_bn').getWeights();
      const [kernel, bias] = model.getLayer('logits').getWeights();
      const score = (t: tf.Tensor) => {
        const bn = t.sub(mean!).div(variance!.add(1e-3).sqrt()).mul(gamma!).add(beta!);
        return tf.relu(bn).mean([1, 2]).matMul(kernel as tf.Tensor2D).add(bias!).slice([0, c], [1, 1]).sum();
      };
      return tf.grad(score)(a).mean([0, 1, 2]);
    });
    const want = await expected.data();
    expected.dispose();
    Array.from(view.alphas).forEach((alpha, k) => expect(alpha).toBeCloseTo(want[k]!, 6));
    expect(view.layer.className).toBe('Conv2D');
    await expect(gradCamExplorer(image, c, 'gap', model)).rejects.toThrow('gradCamExplorer(layerName): expected one of conv_0, last_conv, last_relu, got "gap"');
  });

  it('Guided Grad-CAM is |guided gradient x upsampled Grad-CAM| over its 99th percentile, clipped to [0, 1]', async () => {
    const { guided } = await gradCamDetails(image, 1, 'last_relu', model);
    const want = tf.tidy(() => {
      const x = tf.tensor4d(image, [1, 8, 8, 3]);
      const { activations, gradients } = probe(model, 'last_relu', x, 1);
      const map = upsampleMaps(normalizeMap(gradCam(activations, gradients).map), [8, 8]).expandDims(3);
      const g = inputGradient(model, x, 1, { reluBackward: 'guided' }).mul(map).abs().max(3).reshape([-1]);
      return g.div(g.max()); // 64 pixels: the top 1% is the single largest value
    });
    const expected = await want.data();
    want.dispose();
    expect([guided.width, guided.height]).toEqual([8, 8]);
    Array.from(guided.values).forEach((v, p) => expect(v).toBeCloseTo(expected[p]!, 5));
  });

  it('does not leak memory', async () => {
    await gradCamExplorer(image, 1, 'conv_0', model);
    await gradCamDetails(image, 1, 'conv_0', model);
    const before = tf.memory().numTensors;
    await gradCamExplorer(image, 1, 'last_relu', model);
    await gradCamDetails(image, 0, 'last_conv', model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('explainScene', () => {
  it('runs CAM, Grad-CAM and Grad-CAM++ at the pooled layer; CAM and Grad-CAM agree', async () => {
    const answer = await explainScene(image, 1, model);
    expect(answer.methods.map((m) => m.id)).toEqual(['cam', 'grad-cam', 'grad-cam-plus-plus']);
    const [camView, gradView] = answer.methods.map((m) => m.view);
    Array.from(camView!.values).forEach((v, p) => expect(v).toBeCloseTo(gradView!.values[p]!, 5));
    expect(answer.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const [row, col] = camView!.peak;
    expect(camView!.values[row * 8 + col]).toBe(Math.max(...camView!.values));
  });

  it('does not leak memory', async () => {
    await explainScene(image, 0, model);
    const before = tf.memory().numTensors;
    await explainScene(image, 2, model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
