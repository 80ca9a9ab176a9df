/**
 * The wasm backend's convolution gradients (src/engine/runtime/wasm-conv-grads.ts)
 * against the cpu backend's reference kernels: the saliency widgets and the
 * training scripts both rely on them.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerConvGradsWasm } from '~/engine/runtime/wasm-conv-grads.ts';

type Case = [[number, number, number, number], [number, number, number, number], number, 'same' | 'valid'];
const CASES: Case[] = [
  [[2, 9, 9, 3], [3, 3, 3, 4], 1, 'same'],
  [[2, 10, 10, 3], [3, 3, 3, 5], 2, 'same'],
  [[2, 9, 9, 3], [3, 3, 3, 5], 2, 'same'],
  [[1, 8, 8, 2], [3, 3, 2, 2], 1, 'valid'],
  [[2, 11, 11, 3], [5, 5, 3, 2], 2, 'same'],
  [[2, 8, 8, 3], [2, 2, 3, 4], 1, 'same'],
];

beforeAll(async () => {
  if (!tf.findBackend('wasm')) setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend('wasm')).toBe(true);
  registerConvGradsWasm();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** d/dx and d/dW of sum(conv2d(x, W)^2) on the given backend. */
async function gradients(backend: string, x: Float32Array, w: Float32Array, [xShape, wShape, stride, pad]: Case): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const xt = tf.tensor4d(x, xShape);
  const wt = tf.tensor4d(w, wShape);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad))))([xt, wt]);
  const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
  tf.dispose([xt, wt, ...grads]);
  return values;
}

describe('wasm convolution gradients', () => {
  for (const testCase of CASES) {
    it(`match the cpu backend for x ${testCase[0]}, W ${testCase[1]}, stride ${testCase[2]}, ${testCase[3]}`, async () => {
      await tf.setBackend('cpu');
      const x = (await tf.randomNormal(testCase[0], 0, 1, 'float32', 1).data()) as Float32Array;
      const w = (await tf.randomNormal(testCase[1], 0, 1, 'float32', 2).data()) as Float32Array;
      const [wasmDx, wasmDw] = await gradients('wasm', x, w, testCase);
      const [cpuDx, cpuDw] = await gradients('cpu', x, w, testCase);
      const worst = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
      expect(worst(wasmDx!, cpuDx!)).toBeLessThan(1e-3);
      expect(worst(wasmDw!, cpuDw!)).toBeLessThan(1e-3);
    });
  }
});
