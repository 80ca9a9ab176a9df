import type * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/** A tensor's values as a flat array, -0 turned into 0. */
export async function values(t: tf.Tensor): Promise<number[]> {
  return Array.from(await t.data(), (v) => v + 0);
}

/** Element-wise toBeCloseTo. */
export function expectClose(got: readonly number[], want: readonly number[], digits = 5): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(v, `index ${i}`).toBeCloseTo(want[i]!, digits));
}
