/**
 * Korean attaches particles to words (증강을 "augmentation + object marker", 맵의 "map + of"), and Pagefind indexes
 * whole words with no Korean stemmer. So each Hangul query word loses one trailing particle, and Pagefind's prefix
 * match finds the stem in every form the lessons use (증강 finds 증강은, 증강을, 증강이 ...).
 */
const PARTICLES: { suffix: string; stem: number }[] = [
  // Unambiguous particles: stripped after a stem of one syllable or more.
  ...['에서는', '으로는', '에게서', '까지', '부터', '에서', '으로', '에게', '처럼', '보다', '과', '와', '을', '를', '은', '는', '의', '에'].map((suffix) => ({
    suffix,
    stem: 1,
  })),
  // Syllables that also end many words (평가, 높이): stripped only after a stem of two syllables or more.
  ...['이나', '이', '가', '로', '도', '만'].map((suffix) => ({ suffix, stem: 2 })),
];

/** Nouns that end in a syllable that is also a particle, left whole (결과 is not 결 + 과). */
const WHOLE = new Set(['결과', '효과', '통과', '초과', '정의', '회의', '논의', '동의', '주의', '의의']);

/** The query as Pagefind should get it: Hangul words without a trailing particle, other words as typed. */
export function searchTerms(query: string): string {
  return query
    .split(/\s+/)
    .map((word) => (/^[가-힣]+$/.test(word) && !WHOLE.has(word) ? stripParticle(word) : word))
    .join(' ');
}

function stripParticle(word: string): string {
  const found = PARTICLES.find(({ suffix, stem }) => word.endsWith(suffix) && word.length - suffix.length >= stem);
  return found ? word.slice(0, -found.suffix.length) : word;
}
