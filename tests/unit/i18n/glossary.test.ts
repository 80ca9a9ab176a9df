import { describe, expect, it } from 'vitest';
import { glossary } from '~/lib/glossary.ts';
import type { Lesson } from '~/lib/lessons.ts';

const lesson = (id: string, terms: { en: string; ko: string; definition: string }[]) => ({ id, data: { terms } }) as unknown as Lesson;

describe('glossary', () => {
  const lessons = [
    lesson('first', [
      { en: 'Stride', ko: '스트라이드', definition: 'step' },
      { en: 'Padding', ko: '패딩', definition: 'border' },
    ]),
    lesson('second', [
      { en: 'stride', ko: '스트라이드', definition: 'a later definition' },
      { en: 'Activation', ko: '활성화', definition: 'output' },
    ]),
  ];

  it('lists a term once, defined by the first lesson to list it, with every lesson that lists it', () => {
    const stride = glossary(lessons, 'en').find((entry) => entry.en === 'Stride')!;
    expect(stride.definition).toBe('step');
    expect(stride.lessons.map((l) => l.id)).toEqual(['first', 'second']);
    expect(glossary(lessons, 'en')).toHaveLength(3);
  });

  it('sorts by the English name in English and by the Korean name in Korean', () => {
    expect(glossary(lessons, 'en').map((entry) => entry.en)).toEqual(['Activation', 'Padding', 'Stride']);
    expect(glossary(lessons, 'ko').map((entry) => entry.ko)).toEqual(['스트라이드', '패딩', '활성화']);
  });
});
