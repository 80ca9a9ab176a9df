import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentScene } from '~/engine/tasks/segmentation.ts';
import { buildSegmenter } from '~/engine/train/build-segmenter.ts';
import { SEGMENTER_SPECS } from '~/engine/train/segmenter-spec.ts';

describe('the segmentScene task', () => {
  // The committed layout at 16 x 16, all eleven labels.
  const model = buildSegmenter({ ...SEGMENTER_SPECS['objects-segmenter']!, inputShape: [16, 16, 3], levels: [4, 8] });
  afterAll(() => model.dispose());
  const image = Float32Array.from({ length: 16 * 16 * 3 }, (_, i) => (Math.sin(i * 0.61) + 1) / 2);
  const square = Uint8Array.from({ length: 256 }, (_, p) => Number(Math.floor(p / 16) < 6 && p % 16 < 6));
  const bar = Uint8Array.from({ length: 256 }, (_, p) => Number(Math.floor(p / 16) >= 12));
  const objects = [
    { classIndex: 3, mask: square },
    { classIndex: 7, mask: bar },
  ];

  it("labels each pixel with the model's most probable label, and scores it against the masks", async () => {
    const view = await segmentScene(image, objects, model);
    const p = model.predict(tf.tensor4d(image, [1, 16, 16, 3])) as tf.Tensor4D;
    const [probabilities] = (await p.array()) as number[][][][];
    p.dispose();
    const flat = probabilities!.flat();
    expect(Array.from(view.labels)).toEqual(flat.map((row) => row.indexOf(Math.max(...row))));
    flat.forEach((row, q) => expect(view.confidence[q]).toBeCloseTo(Math.max(...row), 6));
    const truth = Array.from({ length: 256 }, (_, q) => (square[q] ? 3 : bar[q] ? 7 : 10));
    expect(Array.from(view.truth)).toEqual(truth);
    // Counted here, label by label.
    const labels = Array.from(view.labels);
    for (let k = 0; k < 11; k++) {
      const [predicted, actual] = [labels.filter((l) => l === k).length, truth.filter((l) => l === k).length];
      const both = labels.filter((l, q) => l === k && truth[q] === k).length;
      expect([view.predictedPixels[k], view.truePixels[k], view.bothPixels[k]]).toEqual([predicted, actual, both]);
      const union = predicted + actual - both;
      if (union === 0) expect(view.iou[k]).toBeNaN();
      else expect(view.iou[k]).toBeCloseTo(both / union, 12);
    }
    const present = Array.from(view.iou.subarray(0, 10)).filter((v) => !Number.isNaN(v));
    expect(view.meanIoU).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 12);
    expect(view.pixelAccuracy).toBeCloseTo(labels.filter((l, q) => l === truth[q]).length / 256, 12);
  });

  it('does not leak memory, and refuses masks of another size', async () => {
    await segmentScene(image, objects, model);
    const before = tf.memory().numTensors;
    await segmentScene(image, objects, model);
    expect(tf.memory().numTensors).toBe(before);
    await expect(segmentScene(image, [{ classIndex: 1, mask: new Uint8Array(64) }], model)).rejects.toThrow(
      'segmentScene(objects): expected masks of 256 pixels',
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
