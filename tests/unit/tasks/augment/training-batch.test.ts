import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { augmentedBatch } from '~/engine/tasks/augment/training-batch.ts';
import { servePublic } from './public-fetch.ts';

beforeAll(servePublic);
afterAll(() => vi.unstubAllGlobals());

describe('augmentedBatch', () => {
  it('returns n images and labels summing to 1 each, and refuses an unknown policy', async () => {
    const batch = await augmentedBatch('cutmix', 2, 4);
    expect(batch.images.length).toBe(4 * 64 * 64 * 3);
    for (let b = 0; b < 4; b++) expect(batch.labels.subarray(b * 10, b * 10 + 10).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    await expect(augmentedBatch('rotate-everything' as never, 1, 4)).rejects.toThrow(/policy/);
  });

  it('does not leak memory', async () => {
    await augmentedBatch('combination', 1, 4);
    const before = tf.memory().numTensors;
    await augmentedBatch('combination', 2, 4);
    await augmentedBatch('hide-and-seek', 3, 4);
    expect(tf.memory().numTensors).toBe(before);
  });
});
