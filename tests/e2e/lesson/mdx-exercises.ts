import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every exercise as its MDX source states it, read with regular expressions
 * rather than with the component's code, so that what the tests look for in
 * the built site comes from an independent reading of the lessons.
 */
export interface SourceExercise {
  lesson: string;
  id: string;
  /** The answer prop as written: a literal's text, or undefined for an expression, a reflection or a widget task. */
  answer?: string | undefined;
  slips: { value?: string; choice?: string; feedback: string }[];
  /** The opening tag: its hint and slip feedback are shown on wrong answers by design. */
  tag: string;
  question: string;
  solution: string;
}

const prop = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|\\{(-?[0-9.]+)\\})`))?.slice(1).find((v) => v !== undefined);

export function sourceExercises(): SourceExercise[] {
  const out: SourceExercise[] = [];
  for (const file of readdirSync('content/lessons').filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(`content/lessons/${file}`, 'utf8');
    for (const match of text.matchAll(/<Exercise\b([\s\S]*?)\n?>\n([\s\S]*?)<\/Exercise>/g)) {
      const [, tag = '', body = ''] = match;
      const [question = '', solution = ''] = body.split('<div slot="solution">');
      const slips = [...tag.matchAll(/\{\s*(value|choice): ('(?:[^'\\]|\\.)*'|-?[0-9.e]+)\s*,\s*feedback: '((?:[^'\\]|\\.)*)'\s*\}/g)].map(([, key, value = '', feedback = '']) => ({
        [key === 'value' ? 'value' : 'choice']: value.replace(/^'|'$/g, ''),
        feedback,
      }));
      out.push({ lesson: file.replace(/\.mdx$/, ''), id: prop(tag, 'id')!, answer: prop(tag, 'answer'), slips, tag, question, solution: solution.replace(/<\/div>\s*$/, '') });
    }
  }
  return out;
}

/**
 * Runs of at least `words` plain words (letters, digits, spaces, commas) from
 * Markdown prose: stretches that the build copies verbatim into HTML, whatever
 * it does to quotes, math and emphasis around them.
 */
export function plainRuns(markdown: string, words = 7): string[] {
  const prose = markdown
    .replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, '|')
    .replace(/<[^>]*>|\{[^}]*\}/g, '|')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return prose
    .split(/[^A-Za-z0-9 ,]+/)
    .map((run) => run.replace(/\s+/g, ' ').replace(/^[ ,]+|[ ,]+$/g, ''))
    .filter((run) => run.split(' ').length >= words);
}
