import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { equationBindings } from '~/lib/equation-bindings.ts';

/** Every .ts file under a folder, path -> text. */
function sources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      const path = join(entry.parentPath, entry.name);
      out[path] = readFileSync(path, 'utf8');
    }
  }
  return out;
}

/** The ids of every <Equation id="..."> in the lessons. */
function lessonEquationIds(): string[] {
  const dir = 'content/lessons';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/<Equation\s+id="([^"]+)"/g)].map((m) => m[1]!));
}

describe('equations are bound to code', () => {
  const bound = equationBindings(sources('src/engine'));
  const shown = lessonEquationIds();

  it('every displayed equation has an engine function', () => {
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !bound.has(id))).toEqual([]);
  });

  it('every @equation tag names an equation a lesson displays', () => {
    expect([...bound.keys()].filter((id) => !shown.includes(id))).toEqual([]);
  });

  it('reads the function a tag documents, and refuses an id bound twice', () => {
    const doc = (id: string, fn: string) => `/**\n * Text.\n * @equation ${id}\n * more\n */\nexport function ${fn}() {}\n`;
    expect(equationBindings({ 'a.ts': doc('x-y', 'first') }).get('x-y')).toEqual({ id: 'x-y', fn: 'first', kind: 'function', file: 'a.ts' });
    expect(() => equationBindings({ 'a.ts': doc('x-y', 'first'), 'b.ts': doc('x-y', 'second') })).toThrow('"x-y" is bound twice');
    const cls = '/**\n * @equation u-v\n */\nexport class Solver {}\n';
    expect(equationBindings({ 'c.ts': cls }).get('u-v')).toEqual({ id: 'u-v', fn: 'Solver', kind: 'class', file: 'c.ts' });
  });
});
