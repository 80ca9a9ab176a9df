import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { warpBatch } from '~/engine/augment/batch/warp.ts';
import type { Rendering } from '~/engine/augment/geometric.ts';
import { rotate } from '~/engine/augment/geometric/rotate.ts';
import { perspective } from '~/engine/augment/geometric/perspective.ts';
import { shear } from '~/engine/augment/geometric/shear.ts';
import { compose, rotation, scaling, translation, type Matrix } from '~/engine/augment/matrix.ts';
import { warpImage } from '~/engine/augment/warp.ts';
import { createRng } from '~/engine/shared/rng.ts';

const SIZE = 24;

function images(n: number, seed: number): Float32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: SIZE * SIZE * 3 }, () => rng.next()));
}

/** Largest difference between the batch warp and the per-image warp of the same matrices. */
async function gap(matrices: Matrix[], rendering: Rendering): Promise<number> {
  const inputs = images(matrices.length, 4);
  const batch = tf.tensor4d(inputs.flatMap((image) => Array.from(image)), [matrices.length, SIZE, SIZE, 3]);
  const out = warpBatch(batch, matrices, rendering);
  const values = await out.data();
  tf.dispose([batch, out]);
  let worst = 0;
  matrices.forEach((m, b) => {
    const one = warpImage(inputs[b]!, SIZE, m, rendering.interpolation, rendering.border);
    one.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - values[b * one.length + k]!))));
  });
  return worst;
}

describe('batched warps on the backend', () => {
  const rng = createRng(12);
  const c = SIZE / 2;
  const matrices: Matrix[] = [
    rotate.matrix({ interpolation: 'bilinear', border: { kind: 'constant', value: 0 }, degrees: 90 }, SIZE),
    rotation(rng.range(-40, 40), c, c),
    compose(scaling(1.3, 0.8, c, c), translation(2.5, -1.25)),
    shear.matrix({ interpolation: 'bilinear', border: { kind: 'edge' }, x: 12, y: -7 }, SIZE),
    perspective.matrix(perspective.sample({ distortion: 0.5 }, rng), SIZE),
  ];

  it.each([
    ['bilinear, constant border', { interpolation: 'bilinear', border: { kind: 'constant', value: 0.3 } }],
    ['nearest, constant border', { interpolation: 'nearest', border: { kind: 'constant', value: 0 } }],
    ['nearest, mirrored border', { interpolation: 'nearest', border: { kind: 'reflect' } }],
    ['bilinear, edge border', { interpolation: 'bilinear', border: { kind: 'edge' } }],
    ['bilinear, mirrored border', { interpolation: 'bilinear', border: { kind: 'reflect' } }],
  ] as [string, Rendering][])('equal the per-image warp (%s)', async (_, rendering) => {
    expect(await gap(matrices, rendering)).toBeLessThan(1e-5);
  });

  it("still needs its one-image-at-a-time path: the cpu kernel leaves a batch's second image as fill", async () => {
    const batch = tf.ones([2, 2, 2, 1]) as tf.Tensor4D;
    const identity = tf.tensor2d([[1, 0, 0, 0, 1, 0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0]]);
    const out = tf.image.transform(batch, identity, 'nearest', 'constant', 0);
    // When this fails, TensorFlow.js has fixed the kernel and warpBatch can send the batch in one call.
    expect(Array.from(await out.data())).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    tf.dispose([batch, identity, out]);
  });

  it('does not leak memory', () => {
    const batch = tf.zeros([2, SIZE, SIZE, 3]) as tf.Tensor4D;
    warpBatch(batch, matrices.slice(0, 2), { interpolation: 'bilinear', border: { kind: 'edge' } }).dispose();
    const before = tf.memory().numTensors;
    warpBatch(batch, matrices.slice(0, 2), { interpolation: 'bilinear', border: { kind: 'edge' } }).dispose();
    expect(tf.memory().numTensors).toBe(before);
    batch.dispose();
    expect(() => warpBatch(tf.zeros([1, SIZE, SIZE, 3]) as tf.Tensor4D, matrices, { interpolation: 'nearest', border: { kind: 'edge' } })).toThrow(/one per image/);
  });
});
