import type { Lesson } from './lessons.ts';

/**
 * The exercises of every lesson, read from the lessons' MDX at build time, for
 * the assignment builder's menu and the progress page: which lesson and
 * section each is in, its kind, and the start of its question in plain text.
 */
export interface CatalogueExercise {
  id: string;
  kind: 'number' | 'text' | 'choice' | 'multiple' | 'reflection' | 'widget';
  section: string;
  prompt: string;
}

export interface CatalogueLesson {
  slug: string;
  title: string;
  exercises: CatalogueExercise[];
}

/** Markdown and TeX reduced to readable text, cut at about `length` characters. */
function plain(markdown: string, length = 220): string {
  const text = markdown
    .replace(/\$\$?([^$]*)\$\$?/g, '$1')
    .replace(/\\(?:text|mathrm|operatorname)\{([^}]*)\}/g, '$1')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/[{}_^*`]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1).replace(/\s+\S*$/, '')}…` : text;
}

function kindOf(tag: string): CatalogueExercise['kind'] {
  const kind = /\bkind="(reflection|widget)"/.exec(tag)?.[1] as CatalogueExercise['kind'] | undefined;
  if (kind) return kind;
  if (/\bchoices=/.test(tag)) return /\bmultiple\b/.test(tag) ? 'multiple' : 'choice';
  return /\banswer=\{/.test(tag) ? 'number' : 'text';
}

export function lessonExercises(lesson: Lesson): CatalogueExercise[] {
  const body = lesson.body ?? '';
  const exercises: CatalogueExercise[] = [];
  for (const match of body.matchAll(/<Exercise\b([\s\S]*?)\n?>\n([\s\S]*?)<\/Exercise>/g)) {
    const [, tag = '', inner = ''] = match;
    const before = body.slice(0, match.index);
    const section = [...before.matchAll(/^## (.+)$/gm)].pop()?.[1] ?? '';
    const id = /\bid="([^"]+)"/.exec(tag)?.[1];
    if (!id) continue;
    exercises.push({ id, kind: kindOf(tag), section: plain(section, 80), prompt: plain(inner.split('<div slot="solution">')[0] ?? '') });
  }
  return exercises;
}

export function catalogue(lessons: Lesson[]): CatalogueLesson[] {
  return lessons.map((lesson) => ({ slug: lesson.id, title: lesson.data.title, exercises: lessonExercises(lesson) }));
}
