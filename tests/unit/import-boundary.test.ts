import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The architecture's one-way flow, held by a test rather than by comments (as
 * Starlight's import-boundary test does): islands reach the engine only
 * through client.ts and the tfjs-free shared/ vocabulary; TensorFlow.js is
 * imported only inside the engine; the engine never imports the components.
 * Type-only imports are erased at build time and are allowed.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|astro|mjs)$/.test(entry.name) ? [path] : [];
  });
}

interface Import {
  from: string;
  specifier: string;
  typeOnly: boolean;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every import in a file; a named import whose every binding is `type X` counts as type-only. */
export function importsOf(path: string, text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(STATIC)) {
    const bindings = m[3]!;
    const named = /^\{([\s\S]*)\}$/.exec(bindings.trim());
    const allTypes = named !== null && named[1]!.split(',').map((b) => b.trim()).filter(Boolean).every((b) => b.startsWith('type '));
    found.push({ from: path, specifier: m[4]!, typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of text.matchAll(DYNAMIC)) found.push({ from: path, specifier: m[1]!, typeOnly: false });
  for (const m of text.matchAll(BARE)) found.push({ from: path, specifier: m[1]!, typeOnly: false });
  return found;
}

/** The repository path an import points at, or the package name for a bare specifier. */
function target(imp: Import): string {
  if (imp.specifier.startsWith('~/')) return relative(ROOT, join(SRC, imp.specifier.slice(2)));
  if (imp.specifier.startsWith('.')) return relative(ROOT, resolve(dirname(imp.from), imp.specifier));
  return imp.specifier;
}

const all = files(SRC).flatMap((path) => importsOf(path, readFileSync(path, 'utf8')));
const edge = (imp: Import) => `${relative(ROOT, imp.from)} -> ${target(imp)}`;
const under = (prefix: string) => (imp: Import) => relative(ROOT, imp.from).startsWith(prefix);

describe('import boundaries', () => {
  it('finds the imports it checks (the parser is not blind)', () => {
    const client = all.filter((imp) => target(imp) === 'src/engine/client.ts');
    expect(client.length).toBeGreaterThan(20);
    expect(importsOf('x.ts', "import { a, type B } from './y.ts';")[0]!.typeOnly).toBe(false);
    expect(importsOf('x.ts', "import { type A, type B } from './y.ts';")[0]!.typeOnly).toBe(true);
    expect(importsOf('x.ts', "import type * as tfl from '@tensorflow/tfjs-layers';")[0]!.typeOnly).toBe(true);
    expect(importsOf('x.ts', "const m = await import('../engine/runtime/engine.ts');")[0]!.specifier).toBe('../engine/runtime/engine.ts');
  });

  it('islands import from the engine only client.ts and shared/', () => {
    const offending = all
      .filter(under('src/components/'))
      .filter((imp) => !imp.typeOnly && target(imp).startsWith('src/engine/'))
      .filter((imp) => target(imp) !== 'src/engine/client.ts' && !target(imp).startsWith('src/engine/shared/'))
      .map(edge);
    expect([...new Set(offending)].sort(), 'islands importing engine internals (go through client.ts or move the value to shared/)').toEqual([]);
  });

  it('shared/ is free of TensorFlow.js and of the rest of the engine (it may word its notices with the UI strings)', () => {
    const allowed = ['src/engine/shared/', 'src/i18n/'];
    const offending = all
      .filter(under('src/engine/shared/'))
      .filter((imp) => !imp.typeOnly && (target(imp).startsWith('@tensorflow/') || (target(imp).startsWith('src/') && !allowed.some((dir) => target(imp).startsWith(dir)))))
      .map(edge);
    expect(offending).toEqual([]);
  });

  it('TensorFlow.js is imported only inside src/engine', () => {
    const offending = all.filter((imp) => target(imp).startsWith('@tensorflow/') && !under('src/engine/')(imp)).map(edge);
    expect(offending).toEqual([]);
  });

  it('the engine never imports the components', () => {
    const offending = all.filter(under('src/engine/')).filter((imp) => target(imp).startsWith('src/components/')).map(edge);
    expect(offending).toEqual([]);
  });
});
