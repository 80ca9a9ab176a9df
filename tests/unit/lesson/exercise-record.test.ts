import { describe, expect, it } from 'vitest';
import { EMPTY_RECORD, exerciseRecordSchema, storageKey } from '~/components/lesson/exercise-record.ts';

describe('storageKey', () => {
  it('is glassbox:exercise:<pathname>:<id>, with or without a trailing slash', () => {
    expect(storageKey('/lessons/convolution-pooling-activation/', 'output-size')).toBe('glassbox:exercise:/lessons/convolution-pooling-activation:output-size');
    expect(storageKey('/lessons/convolution-pooling-activation', 'output-size')).toBe('glassbox:exercise:/lessons/convolution-pooling-activation:output-size');
    expect(storageKey('/', 'x')).toBe('glassbox:exercise:/:x');
  });

  it('is the same in both editions, so a reader who switches language keeps their answers', () => {
    expect(storageKey('/ko/lessons/convolution-pooling-activation/', 'output-size')).toBe(
      'glassbox:exercise:/lessons/convolution-pooling-activation:output-size',
    );
    expect(storageKey('/ko/', 'x')).toBe('glassbox:exercise:/:x');
  });
});

describe('exerciseRecordSchema', () => {
  it('keeps a choice as option positions, and still reads a record kept by option text', () => {
    const read = (answer: unknown) => exerciseRecordSchema.safeParse({ ...EMPTY_RECORD, answer, correct: true, attempts: 1 });
    expect(read([1]).data?.answer).toEqual([1]);
    expect(read([0, 2]).data?.answer).toEqual([0, 2]);
    expect(read('Bilinear interpolation is too slow for masks.').data?.answer).toBe('Bilinear interpolation is too slow for masks.');
    expect(read(['Mixup', 'CutMix']).data?.answer).toEqual(['Mixup', 'CutMix']);
    for (const bad of [[-1], [1.5], [1, 'Mixup']]) expect(read(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
