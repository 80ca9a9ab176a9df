import { describe, expect, it } from 'vitest';
import { sceneBatch } from '~/engine/data/objects.ts';
import { trainSeed } from '~/engine/shared/splits.ts';
import { objectsSource } from '~/engine/train/source.ts';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';

describe('objectsSource', () => {
  const atlas = loadAtlas();
  const spec = { seed: 3, samplesPerEpoch: 10, batchSize: 4 };

  it('gives step s of epoch e the scenes e * samplesPerEpoch + s * batchSize onwards of the stream trainSeed(seed)', () => {
    const source = objectsSource(atlas, spec);
    expect(source.stepsPerEpoch).toBe(2);
    const batch = source.batch(1, 1);
    expect(batch).toEqual(sceneBatch(atlas, trainSeed(3), 14, 4));
    expect(batch.x).toHaveLength(4 * 64 * 64 * 3);
  });

  it('is deterministic: the same (epoch, step) gives the same batch, another step another', () => {
    const a = objectsSource(atlas, spec).batch(2, 0);
    expect(objectsSource(atlas, spec).batch(2, 0)).toEqual(a);
    expect(objectsSource(atlas, spec).batch(2, 1).x).not.toEqual(a.x);
  });
});
