import { getCollection, type CollectionEntry } from 'astro:content';

export type Lesson = CollectionEntry<'lessons'>;

/** All lessons in reading order. */
export async function lessonsInOrder(): Promise<Lesson[]> {
  return (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
}

export function lessonUrl(lesson: Lesson): string {
  return `/lessons/${lesson.id}/`;
}
