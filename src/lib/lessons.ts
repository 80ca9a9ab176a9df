import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { localizedPath, type Lang } from '~/i18n/lang.ts';

/** A lesson in either edition: the Korean one has the English one's id. */
export type Lesson = CollectionEntry<'lessons'> | CollectionEntry<'lessonsKo'>;

const COLLECTION = { en: 'lessons', ko: 'lessonsKo' } as const;

/** The edition a lesson entry belongs to. */
export const lessonLang = (lesson: Lesson): Lang => (lesson.collection === 'lessonsKo' ? 'ko' : 'en');

/** All lessons of an edition in reading order. */
export async function lessonsInOrder(lang: Lang = 'en'): Promise<Lesson[]> {
  return (await getCollection(COLLECTION[lang])).sort((a, b) => a.data.order - b.data.order);
}

export function lessonUrl(lesson: Lesson): string {
  return localizedPath(`/lessons/${lesson.id}/`, lessonLang(lesson));
}

/**
 * The static paths of an edition's lesson pages. Each page also gets its sections' ids in the other edition (by
 * position: both editions have the same headings, a test checks it), so the language switch keeps the reader's section.
 */
export async function lessonPaths(lang: Lang) {
  const lessons = await lessonsInOrder(lang);
  const others = await lessonsInOrder(lang === 'en' ? 'ko' : 'en');
  return Promise.all(
    lessons.map(async (lesson) => {
      const { headings } = await render(lesson);
      const other = others.find((l) => l.id === lesson.id);
      const otherHeadings = other ? (await render(other)).headings : [];
      return { params: { slug: lesson.id }, props: { lesson, lessons, headings, sections: sectionMap(headings, otherHeadings) } };
    }),
  );
}

/** This edition's heading ids, each to the other edition's id at the same position. */
function sectionMap(headings: MarkdownHeading[], other: MarkdownHeading[]): Record<string, string> {
  if (headings.length !== other.length) return {};
  return Object.fromEntries(headings.map((h, i) => [h.slug, other[i]!.slug]));
}
