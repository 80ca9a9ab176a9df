import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { labelMap, objectsIn, segmentationBatch } from '~/engine/data/segmentation.ts';
import { createRng, deriveSeed } from '~/engine/shared/rng.ts';
import { trainSeed } from '~/engine/shared/splits.ts';
import { buildSegmenter } from '~/engine/train/build-segmenter.ts';
import { BACKGROUND, SEGMENTER_SPECS, type SegmenterSpec } from '~/engine/train/segmenter-spec.ts';
import { segmentationSource } from '~/engine/train/source.ts';
import type { DataSource } from '~/engine/train/source.ts';
import { TrainingSession } from '~/engine/train/training-session.ts';
import { segmentationOverlap } from '~/engine/train/evaluate.ts';

/** objects-segmenter's layout at toy size: 16 x 16 images, two levels, three labels. */
const TINY: SegmenterSpec = {
  ...SEGMENTER_SPECS['objects-segmenter']!,
  name: 'tiny-segmenter',
  inputShape: [16, 16, 3],
  levels: [4, 8],
  classes: 3,
  epochs: 2,
  samplesPerEpoch: 48,
  batchSize: 8,
  learningRate: 0.02,
};

/** Seeded toy scenes: a bright square (label 1) or a dark one (label 0) somewhere on grey noise (label 2). */
function toySegmentation(spec: SegmenterSpec): DataSource {
  const make = (epoch: number, step: number) => {
    const rng = createRng(deriveSeed(spec.seed, epoch * 100 + step));
    const n = spec.batchSize;
    const x = new Float32Array(n * 16 * 16 * 3);
    const labels = new Int32Array(n * 16 * 16).fill(2);
    for (let i = 0; i < n; i++) {
      const [top, left, label] = [rng.int(10), rng.int(10), rng.int(2)];
      for (let p = 0; p < 256; p++) {
        const inside = Math.floor(p / 16) - top >= 0 && Math.floor(p / 16) - top < 6 && (p % 16) - left >= 0 && (p % 16) - left < 6;
        if (inside) labels[i * 256 + p] = label;
        for (let c = 0; c < 3; c++) x[(i * 256 + p) * 3 + c] = inside ? (label === 1 ? 0.9 : 0.05) : 0.4 + 0.2 * rng.next();
      }
    }
    return { x, labels, n };
  };
  return {
    stepsPerEpoch: spec.samplesPerEpoch / spec.batchSize,
    batch: (epoch, step) => {
      const { x, labels, n } = make(epoch, step);
      return { x, y: labels, n };
    },
    tensors: (epoch, step) => {
      const { x, labels, n } = make(epoch, step);
      return { x: tf.tensor4d(x, [n, 16, 16, 3]), y: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 3).reshape([n, 16, 16, 3]) as tf.Tensor4D) };
    },
  };
}

describe('the segmenter', () => {
  it('gives every pixel a distribution over the classes and the background, at the input size', async () => {
    const model = buildSegmenter(TINY);
    const x = tf.randomUniform([2, 16, 16, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const y = model.predict(x) as tf.Tensor4D;
    expect(y.shape).toEqual([2, 16, 16, 3]);
    const sums = await y.sum(-1).data();
    for (const s of sums) expect(s).toBeCloseTo(1, 5);
    tf.dispose([x, y]);
    model.dispose();
    // The committed spec: levels 16, 32, 64, with the skip connections, and fewer than 150,000 weights.
    const full = buildSegmenter(SEGMENTER_SPECS['objects-segmenter']!);
    expect(full.outputs[0]!.shape).toEqual([null, 64, 64, 11]);
    expect(full.getLayer('up0_skip').outputShape).toEqual([null, 32, 32, 48]);
    expect(full.countParams()).toBeLessThan(150_000);
    full.dispose();
  });

  it('learns the toy scenes: the per-pixel loss falls and the pixel accuracy rises', async () => {
    const session = await TrainingSession.open(TINY, toySegmentation(TINY));
    while (session.remaining() > 0) await session.step(1);
    const { stepLoss, stepAccuracy } = await session.read();
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(stepLoss).toHaveLength(12);
    expect(mean(stepLoss.slice(-3))).toBeLessThan(mean(stepLoss.slice(0, 3)) - 0.2);
    expect(mean(stepAccuracy.slice(-3))).toBeGreaterThan(mean(stepAccuracy.slice(0, 3)));
    session.dispose();
  });

  it("counts a segmenter's overlap with the truth over a set, chunk by chunk, as one pass does", async () => {
    const model = buildSegmenter(TINY);
    const source = toySegmentation({ ...TINY, batchSize: 5 });
    const { x, y: labels } = source.batch(0, 0);
    const whole = await segmentationOverlap(model, x, labels, [16, 16, 3], 3, 5);
    const chunked = await segmentationOverlap(model, x, labels, [16, 16, 3], 3, 2);
    expect(chunked).toEqual(whole);
    const p = model.predict(tf.tensor4d(x, [5, 16, 16, 3])) as tf.Tensor4D;
    const predicted = Array.from(await p.argMax(-1).data());
    p.dispose();
    expect(Array.from(whole.overlap.intersection)).toEqual([0, 1, 2].map((k) => predicted.filter((l, q) => l === k && labels[q] === k).length));
    expect(whole.pixelAccuracy).toBeCloseTo(predicted.filter((l, q) => l === labels[q]).length / predicted.length, 12);
    const before = tf.memory().numTensors;
    await segmentationOverlap(model, x, labels, [16, 16, 3], 3, 2);
    const { x: xs, y: ys } = segmentationSource(loadAtlas(), { ...SEGMENTER_SPECS['objects-segmenter']!, batchSize: 2 }).tensors!(0, 0);
    tf.dispose([xs, ys]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('labels each pixel of a Glassbox Objects scene with the class whose visible mask covers it, else the background', () => {
    const atlas = loadAtlas();
    const scene = sceneAt(atlas, 123, 4, { count: 3 });
    const labels = labelMap(scene, BACKGROUND);
    for (const object of scene.objects) {
      object.mask.forEach((on, p) => on && expect(labels[p]).toBe(object.classIndex));
    }
    const covered = scene.objects.reduce((n, o) => n + o.mask.reduce((a, b) => a + b, 0), 0);
    expect(labels.filter((l) => l !== BACKGROUND)).toHaveLength(covered);
    // The training stream: scene i of the seed's stream with 1, 2, 3, 1, ... objects.
    const spec = SEGMENTER_SPECS['objects-segmenter']!;
    expect([0, 1, 2, 3].map((i) => objectsIn(i, spec.objects))).toEqual([1, 2, 3, 1]);
    const source = segmentationSource(atlas, { ...spec, batchSize: 3 });
    const { x, y } = source.batch(1, 2);
    const want = segmentationBatch(atlas, trainSeed(spec.seed), spec.samplesPerEpoch + 6, 3, spec.objects, BACKGROUND);
    expect(x).toEqual(want.x);
    expect(y).toEqual(want.labels);
  });
});
