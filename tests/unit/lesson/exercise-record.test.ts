import { describe, expect, it } from 'vitest';
import { storageKey } from '~/components/lesson/exercise-record.ts';

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
