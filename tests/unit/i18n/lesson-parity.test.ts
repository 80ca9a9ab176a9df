import { readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { choiceExercises } from '~/components/lesson/exercise-source.ts';

/** What must be the same in both editions of a lesson: everything but the prose. */
function skeleton(path: string) {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path, 'utf8'))!;
  const data = parse(front!) as { order: number; prerequisites?: string[]; references?: unknown[]; goals: string[]; terms: { en: string }[] };
  const prose = body!.replace(/^```[\s\S]*?^```/gm, '');
  const all = (pattern: RegExp) => [...prose.matchAll(pattern)].map((m) => m.slice(1).join('='));
  return {
    order: data.order,
    prerequisites: data.prerequisites ?? [],
    references: data.references ?? [],
    goals: data.goals.length,
    terms: data.terms.map((term) => term.en),
    // Relative imports differ by the folder's depth: compare what they name.
    imports: all(/^(import .*)$/gm).map((line) => line.replace(/'(\.\.?\/[^']+)'/, (_, rel: string) => `'${relative('.', resolve(dirname(path), rel))}'`)),
    headings: all(/^(#{2,4}) /gm),
    components: all(/<([A-Z][A-Za-z]*)\b/g),
    ids: all(/<[A-Z][A-Za-z]*\s+id="([^"]+)"/g),
    equations: all(/tex=\{String\.raw`([^`]*)`\}/g),
    numbers: all(/\b(answer|tolerance|target)=\{\s*(-?[0-9.]+)/g).concat(all(/\bvalue: (-?[0-9.]+)/g)),
    bindings: all(/\b(widget|task|unit|kind|method)="([^"]+)"/g),
    // A choice is recorded and graded by its position in the list (exercise-answer.ts), so the options differ only in words.
    choices: [...choiceExercises(body!)].map(([id, c]) => ({ id, options: c.choices.length, multiple: c.multiple, answer: c.answerAt, slips: c.slipsAt })),
  };
}

const slugs = readdirSync('content/lessons')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.slice(0, -4));

describe('the Korean edition', () => {
  it('has every lesson, and no lesson the English edition lacks', () => {
    const korean = readdirSync('content/ko/lessons').filter((name) => name.endsWith('.mdx'));
    expect(korean.map((name) => name.slice(0, -4)).sort()).toEqual([...slugs].sort());
  });

  it.each(slugs)('%s: the same equations, widgets, exercises, headings and answers as the English', (slug) => {
    const english = skeleton(`content/lessons/${slug}.mdx`);
    const korean = skeleton(`content/ko/lessons/${slug}.mdx`);
    expect(korean).toEqual(english);
    // -1: an answer or slip that names no option, which would compare equal in both editions.
    for (const c of english.choices) expect([...c.answer, ...c.slips.flat()], c.id).not.toContain(-1);
  });

  it.each(slugs)('%s: links within the Korean edition, and uses the course’s Korean terms', (slug) => {
    const text = readFileSync(`content/ko/lessons/${slug}.mdx`, 'utf8');
    expect(text.match(/\]\(\/(?!ko\/)[a-z][^)]*\)/g) ?? []).toEqual([]);
    for (const wrong of ['선명도 맵', '정상성 검사', '초기 과장']) expect(text).not.toContain(wrong);
  });
});
