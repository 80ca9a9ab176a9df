import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { maxActivatingUnits, readPatches } from '~/engine/explain/max-activating-patches.ts';

// [n = 3, h = 2, w = 3, c = 2]; channel 1 holds the interesting numbers, channel 0 is a decoy of large values.
const CH1 = [
  [[0, 1, 2], [3, 9, 4]], // image 0: max 9 at (1, 1)
  [[7, 0, 0], [0, 0, 7]], // image 1: max 7 at (0, 0) first (a tie with (1, 2))
  [[0, 0, 0], [0, 0, 8]], // image 2: max 8 at (1, 2)
];
const activations = () =>
  tf.tensor4d(CH1.flatMap((img) => img.flatMap((row) => row.flatMap((v) => [100, v]))), [3, 2, 3, 2]);

describe('maxActivatingUnits', () => {
  it('picks one unit per image, strongest images first (by hand)', async () => {
    const a = activations();
    const patches = await readPatches(maxActivatingUnits(a, 1, 3));
    expect(patches).toEqual([
      { image: 0, row: 1, col: 1, value: 9 },
      { image: 2, row: 1, col: 2, value: 8 },
      { image: 1, row: 0, col: 0, value: 7 },
    ]);
    a.dispose();
  });

  it('names bad arguments', () => {
    const a = activations();
    expect(() => maxActivatingUnits(a, 2, 1)).toThrow('maxActivatingUnits(channel): expected an integer in 0..1, got 2');
    expect(() => maxActivatingUnits(a, 0, 4)).toThrow('maxActivatingUnits(k): expected an integer in 1..3 (one unit per image), got 4');
    a.dispose();
  });

  it('does not leak memory', async () => {
    const a = activations();
    const before = tf.memory().numTensors;
    const top = maxActivatingUnits(a, 1, 2);
    expect(tf.memory().numTensors).toBe(before + 2);
    await readPatches(top);
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
  });
});
