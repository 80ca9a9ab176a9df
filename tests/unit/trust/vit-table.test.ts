import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeMap } from '~/engine/explain/cam-base.ts';
import { upsampleMaps } from '~/engine/explain/upsample.ts';
import { TABLE_ROLLOUT, vitMap } from '~/engine/tasks/trust/vit-maps.ts';
import { vitAttention, vitGradientRollout } from '~/engine/tasks/attention.ts';
import { tokenGradients } from '~/engine/probe/attention.ts';
import { tokenGrid } from '~/engine/probe/token-grid.ts';
import { MapRun } from '~/engine/tasks/trust/maps.ts';
import { pointAt, type TrustScene } from '~/engine/tasks/trust/scene.ts';
import { methodTable, type TableArgs } from '~/engine/tasks/trust/table.ts';
import { buildVit } from '~/engine/train/build-vit.ts';
import { images, TINY_VIT } from '../probe/tiny-vit.ts';
import { tinyRgbCnn } from '../saliency/tiny-rgb.ts';
import { runAll } from './session-checks.ts';

const vit = buildVit(TINY_VIT);
afterAll(() => vit.dispose());

/** A mask of the 16 x 16 pixels with rows in [r0, r1) and columns in [c0, c1). */
const box = (r0: number, r1: number, c0: number, c1: number) =>
  Uint8Array.from({ length: 256 }, (_, p) => Number(Math.floor(p / 16) >= r0 && Math.floor(p / 16) < r1 && p % 16 >= c0 && p % 16 < c1));

describe("the ViT's maps in the trust measures", () => {
  it('make rollout (the tables’ fusion) and gradient-weighted rollout as patch grids resized to the image and scaled to [0, 1]', async () => {
    const both = images();
    const x = both.slice([1], [1]) as tf.Tensor4D;
    both.dispose();
    const image = (await x.data()) as Float32Array;
    const rollout = await vitMap(vit, x, 0, 'rollout');
    const weighted = await vitMap(vit, x, 2, 'gradient-rollout');
    const rows = [(await vitAttention(image, TABLE_ROLLOUT.fusion, TABLE_ROLLOUT.discard, vit)).rollout, await vitGradientRollout(image, 2, vit)];
    for (const [i, map] of [rollout, weighted].entries()) {
      const want = tf.tidy(() => normalizeMap(upsampleMaps(tf.tensor3d(Float32Array.from(rows[i]!), [1, 4, 4]), [16, 16])));
      expect(map.shape).toEqual([1, 16, 16]);
      expect(Array.from(await map.data())).toEqual(Array.from(await want.data()));
      want.dispose();
    }
    // Grad-CAM on the tokens entering the last attention, written out: alpha_k = mean over the 16 patch tokens of the
    // gradient, map = ReLU(sum_k alpha_k A^k) on the 4 x 4 grid (the CLS token left out).
    const { tokens, gradients, logits } = tokenGradients(vit, x, 1);
    const [a, g] = [await tokens.data(), await gradients.data()];
    const alpha = Array.from({ length: 8 }, (_, k) => Array.from({ length: 16 }, (_, t) => g[(t + 1) * 8 + k]!).reduce((u, v) => u + v, 0) / 16);
    const grid = Array.from({ length: 16 }, (_, t) =>
      Math.max(
        0,
        alpha.reduce((sum, w, k) => sum + w * a[(t + 1) * 8 + k]!, 0),
      ),
    );
    const cam = await vitMap(vit, x, 1, 'token-grad-cam');
    const want = tf.tidy(() => normalizeMap(upsampleMaps(tf.tensor3d(grid, [1, 4, 4]), [16, 16])));
    const [got, expected] = [await cam.data(), await want.data()];
    expected.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
    expect(Math.max(...grid)).toBeGreaterThan(0);
    tf.dispose([x, rollout, weighted, tokens, gradients, logits, cam, want]);
  });

  it('do not leak memory, whichever map', async () => {
    const x = tf.zeros([1, 16, 16, 3]).add(0.3) as tf.Tensor4D;
    const tokens = tf.ones([1, 17, 8]) as tf.Tensor3D;
    const all = async () => {
      for (const method of ['rollout', 'gradient-rollout', 'token-grad-cam'] as const) (await vitMap(vit, x, 1, method)).dispose();
      tokenGrid(tokens).dispose();
      const read = tokenGradients(vit, x, 0);
      tf.dispose([read.tokens, read.gradients, read.logits]);
    };
    await all();
    const before = tf.memory().numTensors;
    await all();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, tokens]);
  });

  it('refuse two images at once, and a CNN', async () => {
    const two = images();
    expect(() => new MapRun(vit, two, [0, 1], 'rollout', { seed: 1, smoothSamples: 1, sigma: 0 })).toThrow(
      'explanationMaps(images): expected one image for rollout, got 2',
    );
    two.dispose();
    const cnn = tinyRgbCnn(16);
    const one = tf.zeros([1, 16, 16, 3]) as tf.Tensor4D;
    const run = new MapRun(cnn, one, [0], 'gradient-rollout', { seed: 1, smoothSamples: 1, sigma: 0 });
    await expect(run.step()).rejects.toThrow('vitDepth(model): expected a ViT built by buildVit');
    run.dispose();
    one.dispose();
    cnn.dispose();
  });

  it('fill a method table of the ViT’s rows, each trial the pointing game of the map computed directly', async () => {
    const both = images();
    const pixels = (await both.data()).slice(0, 16 * 16 * 3) as Float32Array;
    both.dispose();
    const scene: TrustScene = {
      size: 16,
      image: pixels,
      objects: [
        { classIndex: 1, mask: box(4, 8, 8, 14) },
        { classIndex: 2, mask: box(10, 15, 1, 6) },
      ],
    };
    const args: TableArgs = {
      scenes: [scene],
      steps: 4,
      seed: 1,
      smoothSamples: 1,
      model: vit,
      methods: ['rollout', 'gradient-rollout', 'token-grad-cam', 'random'],
    };
    const { result } = await runAll(() => methodTable(args));
    expect(result.rows.map((r) => [r.method, r.label])).toEqual([
      ['rollout', 'Attention rollout'],
      ['gradient-rollout', 'Gradient-weighted rollout'],
      ['token-grad-cam', 'Grad-CAM on tokens'],
      ['random', 'Random map'],
    ]);
    const x = tf.tensor4d(pixels, [1, 16, 16, 3]);
    for (const [o, object] of scene.objects.entries()) {
      for (const [r, method] of (['rollout', 'gradient-rollout', 'token-grad-cam'] as const).entries()) {
        const map = await vitMap(vit, x, object.classIndex, method);
        const flat = tf.tidy(() => map.squeeze([0]) as tf.Tensor2D);
        const { hit, row, col } = await pointAt(flat, object.mask);
        expect(result.rows[r]!.trials[o]).toEqual({ scene: 0, classIndex: object.classIndex, hit, row, col });
        tf.dispose([map, flat]);
      }
    }
    expect(result.rows.every((r) => r.deletionAucs.length === 1 && r.deletionAuc >= 0 && r.deletionAuc <= 1)).toBe(true);
    x.dispose();
    await expect(methodTable({ ...args, methods: ['rollout', 'attention' as 'rollout'] })).rejects.toThrow('methodTable(methods): expected some of');
  });
});
