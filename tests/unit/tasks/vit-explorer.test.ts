import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeMap } from '~/engine/explain/cam-base.ts';
import { pointingGame } from '~/engine/explain/metrics.ts';
import { upsampleMaps } from '~/engine/explain/upsample.ts';
import { POINTING_TOLERANCE } from '~/engine/shared/pointing-tolerance.ts';
import { overlayHeatmap } from '~/engine/tensor/heatmap.ts';
import { vitAttention, vitGradientRollout } from '~/engine/tasks/attention.ts';
import { explanationMaps } from '~/engine/tasks/trust/maps.ts';
import { vitExplorer } from '~/engine/tasks/vit-explorer.ts';
import { buildVit } from '~/engine/train/build-vit.ts';
import { images, TINY_VIT } from '../probe/tiny-vit.ts';
import { tinyRgbCnn } from '../saliency/tiny-rgb.ts';

describe('the vitExplorer task', () => {
  const vit = buildVit(TINY_VIT);
  const cnn = tinyRgbCnn(16);
  afterAll(() => [vit, cnn].forEach((m) => m.dispose()));
  /** Rows 4-7 and columns 8-13 of the 16 x 16 image: the object. */
  const mask = Uint8Array.from({ length: 256 }, (_, p) => Number(Math.floor(p / 16) >= 4 && Math.floor(p / 16) < 8 && p % 16 >= 8 && p % 16 < 14));

  /** A 16 x 16 map from a patch grid as a reader would make it by hand: bilinear, then scaled to [0, 1]. */
  const byHand = async (row: ArrayLike<number>): Promise<tf.Tensor2D> =>
    tf.tidy(() => normalizeMap(upsampleMaps(tf.tensor3d(Float32Array.from(row), [1, 4, 4]), [16, 16])).squeeze([0]) as tf.Tensor2D);

  it('shows the attention, both rollouts and the CNN’s Grad-CAM of one image, each scored on the mask as the engine functions score them', async () => {
    const batch = images();
    const image = (await batch.slice([0], [1]).data()) as Float32Array;
    batch.dispose();
    const view = await vitExplorer(image, mask, 1, 'min', 0.3, vit, cnn);
    const attention = await vitAttention(image, 'min', 0.3, vit);
    expect(Array.from(view.cls)).toEqual(Array.from(attention.cls));
    expect(Array.from(view.rollout)).toEqual(Array.from(attention.rollout));
    expect(Array.from(view.gradientRollout)).toEqual(Array.from(await vitGradientRollout(image, 1, vit)));
    expect(view.maps.map((m) => m.method)).toEqual(['rollout', 'gradient-rollout', 'grad-cam']);
    const x = tf.tensor4d(image, [1, 16, 16, 3]);
    const cam = await explanationMaps(cnn, x, [1], 'grad-cam', { seed: 1, smoothSamples: 1, sigma: 0 });
    const maps = [await byHand(view.rollout), await byHand(view.gradientRollout), tf.tidy(() => cam.squeeze([0]) as tf.Tensor2D)];
    const truth = tf.tensor2d(Float32Array.from(mask), [16, 16]);
    for (const [i, map] of maps.entries()) {
      expect(view.maps[i]!.pointing).toEqual(await pointingGame(map, truth, POINTING_TOLERANCE));
      expect(Array.from(view.maps[i]!.overlay)).toEqual(Array.from(overlayHeatmap(image, (await map.data()) as Float32Array)));
    }
    // One tile per layer and head, the image's size.
    expect(view.headTiles.map((t) => t.length)).toEqual(Array(4).fill(16 * 16 * 4));
    tf.dispose([x, cam, truth, ...maps]);
  });

  it('does not leak memory, and refuses a class the ViT lacks and a mask of the wrong size', async () => {
    const image = new Float32Array(16 * 16 * 3).fill(0.4);
    await vitExplorer(image, mask, 0, 'mean', 0, vit, cnn);
    const before = tf.memory().numTensors;
    await vitExplorer(image, mask, 2, 'max', 0.5, vit, cnn);
    expect(tf.memory().numTensors).toBe(before);
    await expect(vitExplorer(image, mask, 3, 'mean', 0, vit, cnn)).rejects.toThrow('vitExplorer(classIndex)');
    await expect(vitExplorer(image, mask.subarray(0, 100), 0, 'mean', 0, vit, cnn)).rejects.toThrow('vitExplorer(mask): expected 256 pixels, one per pixel of the image, got 100');
    expect(tf.memory().numTensors).toBe(before);
  });
});
