import { describe, expect, it } from 'vitest';
import { searchTerms } from '~/components/ui/search-terms.ts';

describe('searchTerms', () => {
  it('drops a particle from a Korean word, leaving the stem Pagefind matches as a prefix', () => {
    expect(searchTerms('증강을')).toBe('증강');
    expect(searchTerms('맵의')).toBe('맵');
    expect(searchTerms('모델이')).toBe('모델');
    expect(searchTerms('현저성 맵에서는')).toBe('현저성 맵');
  });

  it('keeps a final syllable that only looks like a particle after a one-syllable stem', () => {
    expect(searchTerms('평가')).toBe('평가');
    expect(searchTerms('높이')).toBe('높이');
    expect(searchTerms('결과 정의')).toBe('결과 정의');
  });

  it('leaves other words as typed', () => {
    expect(searchTerms('Grad-CAM stride')).toBe('Grad-CAM stride');
    expect(searchTerms('CutMix를')).toBe('CutMix를');
  });
});
