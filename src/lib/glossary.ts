import type { Lang } from '~/i18n/lang.ts';
import type { Lesson } from './lessons.ts';

/** One entry of the glossary: a key term, both its names, its definition, and the lessons that list it. */
export interface GlossaryEntry {
  en: string;
  ko: string;
  definition: string;
  /** The lesson that introduces the term (the first in reading order to list it), then the others. */
  lessons: Lesson[];
}

/**
 * The glossary of an edition, from its lessons' front matter (given in reading order): one entry per English term
 * (case aside), defined as the first lesson that lists it defines it, sorted by the edition's own name of the term.
 */
export function glossary(lessons: Lesson[], lang: Lang): GlossaryEntry[] {
  const entries = new Map<string, GlossaryEntry>();
  for (const lesson of lessons) {
    for (const term of lesson.data.terms) {
      const key = term.en.toLowerCase();
      const entry = entries.get(key);
      if (entry) entry.lessons.push(lesson);
      else entries.set(key, { ...term, lessons: [lesson] });
    }
  }
  const collator = new Intl.Collator(lang);
  const name = (entry: GlossaryEntry) => (lang === 'ko' ? entry.ko : entry.en);
  return [...entries.values()].sort((a, b) => collator.compare(name(a), name(b)));
}
