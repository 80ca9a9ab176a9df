/**
 * Re-measures every committed model on data it never saw and holds it to its
 * card: the committed Fashion-MNIST test slice, and for Glassbox Objects the
 * "check" split generated from a seed no training stream uses; the pointing
 * game replayed on the card's held-out scenes with the engine's CAM.
 *
 * Runs on the wasm backend (the one the cards were measured on): the cpu
 * backend needs about a minute for these 2,000 images on two cores, wasm a
 * few seconds. The cpu backend is restored afterwards.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '~/engine/runtime/models.ts';
import { fashionTile } from '~/engine/data/fashion.ts';
import type { FashionSpriteIndex } from '~/engine/data/fashion.ts';
import { UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import { sceneAt, sceneBatch } from '~/engine/data/objects.ts';
import { cam, pointingGame, POINTING_TOLERANCE, upsampleMaps } from '~/engine/explain/index.ts';
import { featureMaps } from '~/engine/probe/layer-output.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { createRng, deriveSeed } from '~/engine/shared/rng.ts';
import { LAB_EVAL_COUNT } from '~/engine/train/lab/evaluate.ts';
import { segmentationBatch } from '~/engine/data/segmentation.ts';
import { BACKGROUND } from '~/engine/train/segmenter-spec.ts';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { readPng } from '../../../scripts/data/png.ts';

/** Serves /models/... from public/ like the site's web server. */
const fetchFunc = (async (input: RequestInfo | URL) => {
  try {
    return new Response(readFileSync(`public${String(input)}`));
  } catch {
    return new Response('missing', { status: 404 });
  }
}) as typeof fetch;

beforeAll(async () => {
  // setWasmPaths throws once the backend is initialised (another file may have done it).
  if (!tf.findBackend('wasm')) setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

interface Card {
  weightsBytes: number;
  architecture: { camLayer: string };
  input: { shape: number[] };
  metrics: Record<string, number>;
}
const card = (name: string) => JSON.parse(readFileSync(`public/models/${name}/card.json`, 'utf8')) as Card;

async function measure(model: LayersModel, x: Float32Array, y: ArrayLike<number>, shape: number[]): Promise<number> {
  const before = tf.memory().numTensors;
  const pred = tf.tidy(() => tf.argMax(model.predict(tf.tensor(x, [y.length, ...shape])) as tf.Tensor, -1));
  const labels = await pred.data();
  pred.dispose();
  expect(tf.memory().numTensors).toBe(before);
  let ok = 0;
  for (let i = 0; i < y.length; i++) if (labels[i] === y[i]) ok++;
  return ok / y.length;
}

function checkSize(name: string, c: Card): void {
  const bytes = statSync(`public/models/${name}/weights.bin`).size;
  expect(bytes).toBe(c.weightsBytes);
  expect(bytes).toBeLessThanOrEqual(400 * 1024);
}

describe('fashion-cnn', () => {
  it('matches its card on the committed test slice and meets the 90 % target', async () => {
    const c = card('fashion-cnn');
    checkSize('fashion-cnn', c);
    const index = JSON.parse(readFileSync('public/data/fashion-test.json', 'utf8')) as FashionSpriteIndex;
    const sprite = readPng('public/data/fashion-test.png');
    const x = new Float32Array(index.labels.length * 784);
    index.labels.forEach((_, i) => x.set(fashionTile(sprite, index, i), i * 784));
    const model = await loadModel('fashion-cnn', { fetchFunc });
    const acc = await measure(model, x, index.labels, c.input.shape);
    expect(Math.abs(acc - c.metrics.sliceAccuracy)).toBeLessThanOrEqual(0.01);
    expect(c.metrics.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

/** The training experiment's reference runs shipped as models (npm run lab-export). */
const LAB_MODELS = ['objects-lab-flips-crops', 'objects-lab'];

describe.each(['objects-cnn', 'objects-cnn-b', ...LAB_MODELS, 'objects-vit'])('%s', (name) => {
  it('matches its card on a held-out split from an unused seed', async () => {
    const c = card(name);
    // The ViT has no byte budget of its own; its issue limits its parameters (0.5 M), not the lab models' 400 KB.
    if (name === 'objects-vit') expect(statSync(`public/models/${name}/weights.bin`).size).toBe(c.weightsBytes);
    else checkSize(name, c);
    const { seed, count } = OBJECTS_SPLITS.check;
    expect(c.metrics.check).toEqual({ seed, count });
    const batch = sceneBatch(loadAtlas(), seed, 0, count);
    const model = await loadModel(name, { fetchFunc });
    const acc = await measure(model, batch.x, batch.y, c.input.shape);
    expect(Math.abs(acc - c.metrics.checkAccuracy)).toBeLessThanOrEqual(0.01);
  });
});

// The 95 % pointing-game target is not met by objects-cnn (0.84 on the
// exact mask, 0.92 within the course's 2 px); the cards record both, and this
// test holds them to a replay.
describe.each(['objects-cnn', ...LAB_MODELS])('%s', (name) => {
  it('matches its card on the pointing game when replayed with the engine CAM', async () => {
    const c = card(name);
    expect(c.metrics.pointingTolerancePx).toBe(POINTING_TOLERANCE);
    const { seed, count } = OBJECTS_SPLITS.scenes;
    const atlas = loadAtlas();
    const model = await loadModel(name, { fetchFunc });
    const classifier = model.getLayer('logits').getWeights()[0] as tf.Tensor2D;
    const before = tf.memory().numTensors;
    let exact = 0;
    let near = 0;
    let objects = 0;
    for (let i = 0; i < count; i++) {
      const scene = sceneAt(atlas, seed, i, { count: 2 + (i % 2) });
      const features = tf.tidy(() => featureMaps(model, c.architecture.camLayer, tf.tensor3d(scene.image, [scene.size, scene.size, 3])));
      for (const object of scene.objects) {
        const map = tf.tidy(() => upsampleMaps(cam(features, classifier, object.classIndex), [scene.size, scene.size]).squeeze([0]) as tf.Tensor2D);
        const mask = tf.tensor2d(object.mask, [scene.size, scene.size], 'int32');
        if ((await pointingGame(map, mask)).hit) exact++;
        if ((await pointingGame(map, mask, POINTING_TOLERANCE)).hit) near++;
        objects++;
        tf.dispose([map, mask]);
      }
      features.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(exact / objects - c.metrics.pointingGame)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(near / objects - c.metrics.pointingGameTolerant)).toBeLessThanOrEqual(0.01);
  });
});

describe.each(LAB_MODELS)('%s', (name) => {
  it("carries its reference run's last-epoch figures, re-measured on the unseen style", async () => {
    const c = card(name) as Card & { experiment: { reference: string }; seed: number; epochs: number };
    const run = JSON.parse(readFileSync(c.experiment.reference, 'utf8')) as { seed: number; curves: Record<string, number>[] };
    const last = run.curves.at(-1)!;
    expect([run.seed, last['epoch']]).toEqual([c.seed, c.epochs]);
    expect(c.metrics).toMatchObject({ heldOutAccuracy: last['heldOut'], unseenStyleAccuracy: last['unseen'], pointingGame: last['pointing'], pointingGameTolerant: last['pointingTolerant'] });
    const { seed } = OBJECTS_SPLITS.unseenStyle;
    const batch = sceneBatch(loadAtlas(), seed, 0, LAB_EVAL_COUNT, { styles: [UNSEEN_STYLE] });
    const acc = await measure(await loadModel(name, { fetchFunc }), batch.x, batch.y, c.input.shape);
    expect(Math.abs(acc - c.metrics.unseenStyleAccuracy)).toBeLessThanOrEqual(0.01);
  });
});

describe('objects-segmenter', () => {
  it("matches its card's mean IoU on the first held-out scenes, counted here pixel by pixel", async () => {
    const c = card('objects-segmenter') as Card & { metrics: { check: { seed: number; count: number } } };
    expect(statSync('public/models/objects-segmenter/weights.bin').size).toBe(c.weightsBytes);
    const { seed, count } = c.metrics.check;
    expect(seed).toBe(OBJECTS_SPLITS.scenes.seed);
    const set = segmentationBatch(loadAtlas(), seed, 0, count, [2, 3], BACKGROUND);
    const model = await loadModel('objects-segmenter', { fetchFunc });
    const [both, either] = [new Float64Array(BACKGROUND), new Float64Array(BACKGROUND)];
    for (let s = 0; s < count; s += 50) {
      const pred = tf.tidy(() => tf.argMax(model.predict(tf.tensor4d(set.x.subarray(s * 64 * 64 * 3, (s + 50) * 64 * 64 * 3), [50, 64, 64, 3])) as tf.Tensor, -1));
      const labels = await pred.data();
      pred.dispose();
      labels.forEach((label, p) => {
        const truth = set.labels[s * 64 * 64 + p]!;
        for (const k of new Set([label, truth])) if (k < BACKGROUND) either[k]!++;
        if (label === truth && label < BACKGROUND) both[label]!++;
      });
    }
    const ious = Array.from(both, (b, k) => b / either[k]!).filter((v) => !Number.isNaN(v));
    const mean = ious.reduce((a, b) => a + b, 0) / ious.length;
    expect(Math.abs(mean - c.metrics.checkMeanIoU)).toBeLessThanOrEqual(0.01);
  });
});

describe('objects-gan', () => {
  it("matches its card: the share of its first samples objects-cnn recognises, drawn and judged here, equals the last epoch's check", async () => {
    const c = card('objects-gan') as Card & { history: { checkRecognised: number }[]; metrics: { samples: { seed: number; confidence: number } } };
    expect(statSync('public/models/objects-gan/weights.bin').size).toBe(c.weightsBytes);
    const [generator, classifier] = [await loadModel('objects-gan', { fetchFunc }), await loadModel('objects-cnn', { fetchFunc })];
    const n = 256;
    const { seed, confidence } = c.metrics.samples;
    // Codes written out as the sampler draws them: Box-Muller on the seeded stream, code k from deriveSeed(seed, k).
    const codes = Array.from({ length: n }, (_, k) => {
      const rng = createRng(deriveSeed(seed, k));
      return Array.from({ length: 32 }, () => {
        const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
        const angle = 2 * Math.PI * rng.next();
        return [r * Math.cos(angle), r * Math.sin(angle)];
      }).flat();
    });
    const top = tf.tidy(() => {
      const images = generator.predict(tf.tensor2d(codes)) as tf.Tensor4D;
      return (classifier.predict(tf.image.resizeBilinear(images, [64, 64], false, true)) as tf.Tensor2D).max(-1);
    });
    const recognised = (await top.data()).filter((p) => p >= confidence).length / n;
    top.dispose();
    expect(Math.abs(recognised - c.history.at(-1)!.checkRecognised)).toBeLessThanOrEqual(1 / n);
  });
});

describe('objects-cnn', () => {
  it('reaches 96 % held-out accuracy', () => {
    expect(card('objects-cnn').metrics.heldOutAccuracy).toBeGreaterThanOrEqual(0.96);
  });
});
