import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { loadModel } from '~/engine/runtime/models.ts';

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
