import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { loadLayersModel } from '../../../../scripts/train/io.ts';
import { camPointingGame } from '../../../../scripts/train/pointing.ts';
import { labFigures, labSplits, nearMask } from '~/engine/train/lab/evaluate.ts';
import { SPECS } from '~/engine/train/specs.ts';

describe('the experiment\'s figures', () => {
  it('nearMask: a peak counts within 2 px (Euclidean) of a mask pixel, not at 3 px or on the diagonal past 2', () => {
    const mask = new Uint8Array(64 * 64);
    mask[10 * 64 + 10] = 1;
    expect(nearMask(mask, 64, 10 * 64 + 10, 0)).toBe(true);
    expect(nearMask(mask, 64, 10 * 64 + 12, 2)).toBe(true);
    expect(nearMask(mask, 64, 10 * 64 + 13, 2)).toBe(false);
    expect(nearMask(mask, 64, 11 * 64 + 11, 2)).toBe(true); // sqrt 2
    expect(nearMask(mask, 64, 12 * 64 + 12, 2)).toBe(false); // sqrt 8
    expect(nearMask(mask, 64, 10 * 64 + 11, 0)).toBe(false);
  });

  it('equal an independent recomputation: per-image predictions, and the card\'s per-object pointing game', async () => {
    const spec = SPECS['objects-cnn-b']!;
    const model = await loadLayersModel('public/models/objects-cnn-b');
    const splits = labSplits(loadAtlas(), 30);
    const figures = await labFigures(model, spec, splits);
    const accuracyOf = async (batch: typeof splits.heldOut) => {
      let right = 0;
      for (let i = 0; i < batch.n; i++) {
        const p = tf.tidy(() => tf.argMax(model.predict(tf.tensor4d(batch.x.subarray(i * 12288, (i + 1) * 12288), [1, 64, 64, 3])) as tf.Tensor, -1));
        if ((await p.data())[0] === batch.y[i]) right++;
        p.dispose();
      }
      return right / batch.n;
    };
    expect(figures.heldOut).toBeCloseTo(await accuracyOf(splits.heldOut), 10);
    expect(figures.unseen).toBeCloseTo(await accuracyOf(splits.unseen), 10);
    const reference = await camPointingGame(model, 'last_relu', splits.scenes);
    expect(figures.pointing).toBeCloseTo(reference.strict, 10);
    expect(figures.pointingTolerant).toBeCloseTo(reference.tolerant, 10);
    expect(figures.pointing).toBeGreaterThan(0.5);
    model.dispose();
  }, 120_000);
});
