/**
 * `pca` on the wasm backend, the one most readers' browsers fall back to: its
 * matMul failed on an inner dimension of 1 (tf.outerProduct), which turned
 * the deflated second component into NaN. Held to the cpu result here.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '~/engine/shared/rng.ts';
import { pca } from '~/engine/embed/pca.ts';

beforeAll(async () => {
  // setWasmPaths throws once the backend is initialised (another file may have done it).
  if (!tf.findBackend('wasm')) setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function ratios(x: number[], n: number, d: number): Promise<number[]> {
  const input = tf.tensor2d(x, [n, d]);
  const result = pca(input);
  const out = Array.from(await result.explainedVarianceRatio.data());
  tf.dispose([input, result.projections, result.components, result.explainedVarianceRatio, result.mean]);
  return out;
}

describe('pca on wasm', () => {
  it('gives the same explained variance as on cpu, both components finite', async () => {
    const rng = createRng(3);
    const [n, d] = [120, 16];
    const x = Array.from({ length: n * d }, (_, k) => rng.next() * (1 + (k % d)));
    const wasm = await ratios(x, n, d);
    await tf.setBackend('cpu');
    const cpu = await ratios(x, n, d);
    await tf.setBackend('wasm');
    expect(wasm.every(Number.isFinite)).toBe(true);
    wasm.forEach((r, i) => expect(r).toBeCloseTo(cpu[i]!, 4));
  });
});
