/** ttaPredict and ttaBatch on the real objects-cnn (wasm), against the views made and averaged here by hand. */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '~/engine/augment/plan.ts';
import { TTA_VIEWS } from '~/engine/augment/tta.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { loadModel } from '~/engine/runtime/models.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { styleBatch } from '~/engine/tasks/augment/style-gap.ts';
import { ttaBatch, ttaPredict } from '~/engine/tasks/augment/tta.ts';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { servePublic, useWasm } from './public-fetch.ts';

beforeAll(async () => {
  servePublic();
  await useWasm();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('ttaPredict', () => {
  it('averages the softmax of the eight views of one image', async () => {
    const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 2);
    const result = await ttaPredict(scene.image);
    const model = await loadModel('objects-cnn');
    const sum = new Float64Array(10);
    for (const [v, view] of TTA_VIEWS.entries()) {
      const image = applyPlan(view.plan, { size: 64, image: scene.image, boxes: [], masks: [], classes: [] }).image;
      expect(result.views[v]!.image).toEqual(image);
      const p = tf.tidy(() => model.predict(tf.tensor4d(image, [1, 64, 64, 3])) as tf.Tensor);
      const row = await p.data();
      p.dispose();
      row.forEach((x, c) => ((sum[c]! += x / 8), expect(result.views[v]!.probabilities[c]).toBeCloseTo(x, 5)));
    }
    sum.forEach((x, c) => expect(result.average[c]).toBeCloseTo(x, 5));
  });

  it('does not leak memory', async () => {
    const image = sceneAt(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 0).image;
    await ttaPredict(image);
    const before = tf.memory().numTensors;
    await ttaPredict(image);
    await ttaBatch('unseen', 0, 2);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('ttaBatch', () => {
  it('predicts without TTA as the model alone does', async () => {
    const [batch, alone] = await Promise.all([ttaBatch('unseen', 20, 10), styleBatch('unseen', 20, 10)]);
    expect(Array.from(batch.labels)).toEqual(Array.from(alone.labels));
    expect(Array.from(batch.plain.predicted)).toEqual(Array.from(alone.predicted));
    batch.plain.confidence.forEach((c, i) => expect(c).toBeCloseTo(alone.confidence[i]!, 5));
  });
});
