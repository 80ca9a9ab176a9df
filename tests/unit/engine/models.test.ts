import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it, vi } from 'vitest';
import { prefetchModel } from '~/engine/runtime/model-prefetch.ts';
import { listModels, loadModel, registerModel, unregisterModel } from '~/engine/runtime/models.ts';
import { gradCamExplorer } from '~/engine/tasks/index.ts';
import { tinyImage, tinyRgbCnn } from '../saliency/tiny-rgb.ts';

/** Saves a tiny fixed-weight model in memory and serves its files like a web server would. */
async function servedModel() {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  const files = new Map<string, BodyInit>();
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { weightData, ...rest } = artifacts;
      files.set('/m/tiny/model.json', JSON.stringify({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }] }));
      files.set('/m/tiny/weights.bin', new Uint8Array(weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  let requests = 0;
  const fetchFunc = (async (input: RequestInfo | URL) => {
    requests += 1;
    const body = files.get(String(input));
    return body ? new Response(body) : new Response('missing', { status: 404 });
  }) as typeof fetch;
  return { fetchFunc, requests: () => requests };
}

describe('loadModel', () => {
  it('loads a layers model once and shares it', async () => {
    const { fetchFunc, requests } = await servedModel();
    const [a, b] = await Promise.all([loadModel('tiny', { baseUrl: '/m', fetchFunc }), loadModel('tiny', { baseUrl: '/m', fetchFunc })]);
    expect(a).toBe(b);
    expect(requests()).toBe(2); // model.json and weights.bin, once
    const y = a.predict(tf.tensor2d([[1, 2, 3]])) as tf.Tensor;
    expect(await y.array()).toEqual([[6, 6]]);
    y.dispose();
  });

  it('reports a missing model with a typed error and does not cache the failure', async () => {
    const { fetchFunc } = await servedModel();
    await expect(loadModel('absent', { baseUrl: '/m', fetchFunc })).rejects.toMatchObject({ code: 'model-load' });
    await expect(loadModel('../etc', { baseUrl: '/m', fetchFunc })).rejects.toMatchObject({ code: 'bad-argument' });
  });
});

describe('the model registry', () => {
  it('lists a model registered from the page, and the Grad-CAM task explains it by id', async () => {
    const model = tinyRgbCnn();
    const image = tinyImage();
    registerModel('page:tiny', model, { label: 'trained here', dataset: 'objects' });
    try {
      expect((await listModels()).map((m) => [m.id, m.origin])).toEqual([
        ['objects-cnn', 'shipped'], ['objects-cnn-b', 'shipped'], ['objects-lab-flips-crops', 'shipped'], ['objects-lab', 'shipped'],
        ['fashion-cnn', 'shipped'], ['page:tiny', 'page'],
      ]);
      await expect(loadModel('page:tiny')).resolves.toBe(model);
      const byId = await gradCamExplorer(image, 1, 'conv', 'page:tiny');
      // The same computation on the model in hand: the registry changes where the model comes from, nothing else.
      const direct = await gradCamExplorer(image, 1, 'conv', model);
      expect(Array.from(byId.alphas)).toEqual(Array.from(direct.alphas));
      expect(byId.logit).toBe(direct.logit);
      expect(byId.alphas.length).toBe(4);
    } finally {
      unregisterModel('page:tiny');
    }
    expect(() => model.layers[0]!.getWeights()).toThrow('already disposed');
    expect((await listModels()).some((m) => m.id === 'page:tiny')).toBe(false);
  });

  it('refuses ids that could shadow a shipped model', () => {
    const model = tinyRgbCnn();
    expect(() => registerModel('objects-cnn', model, { label: 'x', dataset: 'objects' })).toThrow('registerModel(id)');
    expect(() => registerModel('page:', model, { label: 'x', dataset: 'objects' })).toThrow('registerModel(id)');
    model.dispose();
  });
});

describe('prefetchModel', () => {
  it('downloads model.json and its weights while nothing asks for them yet; loadModel then reads them from memory', async () => {
    const { fetchFunc, requests } = await servedModel();
    // Served under /p, a folder no other test loaded (loadModel caches by URL).
    vi.stubGlobal('fetch', (input: RequestInfo | URL) => fetchFunc(String(input).replace(/^\/p\//, '/m/')));
    try {
      prefetchModel('tiny', '/p');
      prefetchModel('tiny', '/p');
      await vi.waitFor(() => expect(requests()).toBe(2)); // model.json, then weights.bin: once each, however often asked
      const model = await loadModel('tiny', { baseUrl: '/p' });
      expect(requests()).toBe(2);
      const y = model.predict(tf.tensor2d([[1, 2, 3]])) as tf.Tensor;
      expect(await y.array()).toEqual([[6, 6]]);
      y.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
