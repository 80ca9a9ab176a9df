import { loadAtlas } from '../../scripts/data/load-atlas.ts';
import { BATCH_POLICIES } from '../../src/engine/augment/batch/policies.ts';
import { sampleBatchOp } from '../../src/engine/augment/batch/policy.ts';
import { sceneBatch } from '../../src/engine/data/objects.ts';
import { createRng } from '../../src/engine/shared/rng.ts';
import { trainSeed } from '../../src/engine/shared/splits.ts';
import { SPECS } from '../../src/engine/train/specs.ts';
import { LESSON, expect, ready, test } from './fixtures.ts';
import { singleImagePath } from './reference/single-image-batch.ts';

const N = 8;
const SIDE = 64;
const CLASSES = 10;

test('a training batch augmented on the engine\'s backend equals the single-image transforms run in Node', async ({ page }) => {
  await page.goto(`${LESSON}?backend=wasm`);
  await ready(page, 'conv-explorer');
  const { x, y } = sceneBatch(loadAtlas(), trainSeed(SPECS['objects-cnn']!.seed), 0, N);
  const inputs = Array.from({ length: N }, (_, b) => ({ size: SIDE, image: x.slice(b * SIDE * SIDE * 3, (b + 1) * SIDE * SIDE * 3), boxes: [], masks: [], classes: [] }));
  const oneHot = Array.from(y, (c) => Array.from({ length: CLASSES }, (_, k) => (k === c ? 1 : 0)));
  for (const [policy, seed] of [['combination', 7], ['hide-and-seek', 3], ['mixup', 5]] as const) {
    const shown = await page.evaluate(
      async ([p, s, n]) => {
        const r = await (await window.glassbox!.engine!).call('augmentedBatch', [p, s, n]);
        const { images, labels, op } = r as { images: Float32Array; labels: Float32Array; op: unknown };
        return { images: Array.from(images), labels: Array.from(labels), op };
      },
      [policy, seed, N] as const,
    );
    const op = sampleBatchOp(BATCH_POLICIES[policy], N, createRng(seed));
    // The same draws; Chromium's and Node's Math.log and Math.exp may differ in the last bit.
    const numbers = (value: unknown) => JSON.stringify(value).match(/-?[\d.]+(e[-+]?\d+)?/g)!.map(Number);
    expect(JSON.stringify(shown.op).replace(/-?[\d.]+(e[-+]?\d+)?/g, '#'), policy).toBe(JSON.stringify(op).replace(/-?[\d.]+(e[-+]?\d+)?/g, '#'));
    numbers(op).forEach((v, k) => expect(numbers(shown.op)[k], policy).toBeCloseTo(v, 12));
    const reference = singleImagePath(op, inputs, oneHot);
    let worst = 0;
    reference.images.forEach((image, b) => image.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - shown.images[b * image.length + k]!)))));
    expect(worst, policy).toBeLessThan(1e-4);
    reference.labels.flat().forEach((v, k) => expect(shown.labels[k], policy).toBeCloseTo(v, 5));
  }
});
