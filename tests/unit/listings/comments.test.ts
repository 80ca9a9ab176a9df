import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listingIn, listingSyntax } from '~/components/lesson/listing-language.ts';

// Every prose comment in listings/ is written in both languages, a line at a time: `en:` lines, then as many `ko:`
// lines (CodeListing shows each edition its own). What stays untagged is shared by both editions, so it may only be
// notation: the shapes and symbols after code, such as `// A^k: [1, u, v, K]`. The comments are found here by
// TypeScript's own scanner and a small Python tokenizer, not by the regular expressions listing-language.ts uses.
const dir = fileURLToPath(new URL('../../../listings/', import.meta.url));
const files = readdirSync(dir)
  .filter((name) => /\.(ts|py)$/.test(name))
  .sort();
const read = (name: string) => readFileSync(dir + name, 'utf8');

interface Comment {
  /** 1-based line of the comment's first line. */
  line: number;
  /** Its lines' text without the comment syntax: after `//`, ` *` or `#`, or a docstring line without its indentation. */
  texts: string[];
  /** A comment after code on the same line (as opposed to a comment or docstring on lines of its own). */
  trailing: boolean;
  /** A TSDoc block or a docstring, as opposed to `//` or `#` comments. */
  block: boolean;
}

const HANGUL = /\p{Script=Hangul}/u;
// A word of three or more Latin letters standing alone (alpha_k or dS_c, joined to a subscript, are symbols).
const WORD = /(?<![\p{L}\p{N}_])[A-Za-z]{3,}(?![\p{L}\p{N}_])/u;

function tsComments(text: string): Comment[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const comments: Comment[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const start = scanner.getTokenStart();
    const token = scanner.getTokenText();
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const trailing = text.slice(lineStart, start).trim() !== '';
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      comments.push({ line: lineOf(start), texts: [token.replace(/^\/\/ ?/, '')], trailing, block: false });
      continue;
    }
    // A block comment must be TSDoc laid out on lines of its own: /**, then ` * ` lines, then */.
    const rows = token.split('\n');
    const inner = rows.slice(1, -1);
    const laidOut = rows.length >= 3 && rows[0] === '/**' && rows.at(-1)!.trim() === '*/' && inner.every((row) => /^\s*\*( |$)/.test(row));
    comments.push({ line: lineOf(start), texts: laidOut ? inner.map((row) => row.replace(/^\s*\* ?/, '')) : [`(not laid out as /** … */ lines: ${token})`], trailing, block: true });
  }
  return comments;
}

function pyComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const lines = text.split('\n');
  let doc: Comment | null = null;
  lines.forEach((line, index) => {
    if (doc) {
      if (line.trim() === '"""') doc = null;
      else if (line.includes('"""')) doc.texts.push(`(the closing quotes must stand alone: ${line.trim()})`);
      else doc.texts.push(line.trim());
      return;
    }
    const quotes = line.split('"""').length - 1;
    if (quotes > 0) {
      const comment = { line: index + 1, texts: line.trim() === '"""' ? [] : [`(the quotes must stand on lines of their own: ${line.trim()})`], trailing: false, block: true };
      comments.push(comment);
      if (quotes % 2 === 1) doc = comment;
      return;
    }
    // Outside docstrings: a # outside a '…' or "…" string starts a comment.
    let quote: string | null = null;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k]!;
      if (quote) {
        if (ch === '\\') k++;
        else if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '#') {
        comments.push({ line: index + 1, texts: [line.slice(k + 1).replace(/^ /, '')], trailing: line.slice(0, k).trim() !== '', block: false });
        break;
      }
    }
  });
  return comments;
}

/** Consecutive one-line comments on lines of their own are one comment; TSDoc blocks and docstrings already are. */
function grouped(comments: Comment[]): Comment[] {
  const groups: Comment[] = [];
  const joins = (c: Comment | undefined) => c !== undefined && !c.trailing && !c.block;
  for (const comment of comments) {
    const last = groups.at(-1);
    if (joins(comment) && joins(last) && last!.line + last!.texts.length === comment.line) last!.texts.push(comment.texts[0]!);
    else groups.push({ ...comment, texts: [...comment.texts] });
  }
  return groups;
}

/** What is wrong with one comment, as `file:line: problem`. */
function problems(file: string, comment: Comment): string[] {
  const at = `${file}:${comment.line}`;
  if (comment.trailing) {
    const text = comment.texts[0]!;
    if (/^(en|ko):/.test(text)) return [`${at}: a tagged comment after code (put the en and ko lines on lines of their own): ${text}`];
    if (HANGUL.test(text) || WORD.test(text)) return [`${at}: prose after code is shown untranslated (move it to en/ko lines of its own): ${text}`];
    return [];
  }
  const tags = comment.texts.map((text) => /^(en|ko): \S/.exec(text)?.[1] ?? null);
  const untagged = comment.texts.filter((_, k) => tags[k] === null);
  if (untagged.length > 0) return untagged.map((text) => `${at}: an untagged comment line: ${text}`);
  const n = tags.filter((tag) => tag === 'en').length;
  const out: string[] = [];
  if (n === 0 || tags.join() !== [...Array<string>(n).fill('en'), ...Array<string>(n).fill('ko')].join())
    out.push(`${at}: expected ${Math.max(n, 1)} en line(s), then as many ko lines; got ${tags.join(', ')}`);
  const english = comment.texts.filter((_, k) => tags[k] === 'en');
  const korean = comment.texts.filter((_, k) => tags[k] === 'ko');
  if (english.some((text) => HANGUL.test(text))) out.push(`${at}: Korean in an en line`);
  if (!korean.some((text) => HANGUL.test(text))) out.push(`${at}: the ko lines have no Korean`);
  return out;
}

describe("the listings' comments", () => {
  const commentsOf = (file: string) => grouped(listingSyntax(file) === 'ts' ? tsComments(read(file)) : pyComments(read(file)));

  it('finds the comments it checks: every listing has tagged prose, and both kinds of file have notation after code', () => {
    expect(files).toEqual(expect.arrayContaining(['types.ts', 'grad-cam.ts', 'grad_cam.py', 'tsne.ts', 'tsne.py']));
    for (const file of files) expect(commentsOf(file).filter((c) => !c.trailing).length, file).toBeGreaterThan(0);
    expect(commentsOf('grad-cam.ts').filter((c) => c.trailing).map((c) => c.texts[0])).toEqual(['A^k: [1, u, v, K]', 'y^c', 'α_k^c: [1, 1, 1, K]']);
    expect(commentsOf('grad_cam.py').filter((c) => c.trailing).map((c) => c.texts[0])).toEqual(['A^k: [1, K, u, v]', 'y^c', 'alpha_k^c']);
    expect(commentsOf('tsne.py').filter((c) => !c.trailing)).toHaveLength(7);
  });

  it('tags every comment line en or ko, each en line with a ko line, and leaves only notation untagged', () => {
    expect(files.flatMap((file) => commentsOf(file).flatMap((comment) => problems(file, comment)))).toEqual([]);
  });

  it('catches what it should: untagged prose, an en line without its ko line, prose after code', () => {
    const found = (file: string, text: string) => grouped(listingSyntax(file) === 'ts' ? tsComments(text) : pyComments(text)).flatMap((c) => problems(file, c));
    expect(found('x.ts', '// the k smallest\nf();')).toEqual(['x.ts:1: an untagged comment line: the k smallest']);
    expect(found('x.ts', '/**\n * en: one\n * en: two\n * ko: 하나\n */')).toEqual(['x.ts:1: expected 2 en line(s), then as many ko lines; got en, en, ko']);
    expect(found('x.py', 'x = 1  # a copy per position')).toEqual(['x.py:1: prose after code is shown untranslated (move it to en/ko lines of its own): a copy per position']);
    expect(found('x.py', 'def f():\n    """Docstring."""\n    return 1')).toEqual(['x.py:2: an untagged comment line: (the quotes must stand on lines of their own: """Docstring.""")']);
  });

  it('shows each edition the same code: the English and Korean listings differ only in comment lines', () => {
    for (const file of files) {
      const syntax = listingSyntax(file);
      const [en, ko] = (['en', 'ko'] as const).map((lang) => listingIn(read(file), syntax, lang));
      // The lines the scanners read as comments (or docstrings, with their quotes) in each edition.
      const commentLines = (text: string) =>
        new Set(
          (syntax === 'ts' ? tsComments(text) : pyComments(text))
            .filter((c) => !c.trailing)
            .flatMap((c) => Array.from({ length: c.texts.length + (c.block ? 2 : 0) }, (_, k) => c.line + k)),
        );
      const [enComments, koComments] = [commentLines(en!), commentLines(ko!)];
      const [enLines, koLines] = [en!.split('\n'), ko!.split('\n')];
      expect(enLines.length, file).toBe(koLines.length);
      const differing = enLines.map((_, k) => k + 1).filter((n) => enLines[n - 1] !== koLines[n - 1]);
      expect(differing.length, file).toBeGreaterThan(0);
      expect(differing.filter((n) => !enComments.has(n) || !koComments.has(n)), file).toEqual([]);
      expect(HANGUL.test(en!), file).toBe(false);
      expect([...en!.matchAll(/^\s*(\/\/|\*|#)? ?(en|ko):.*$/gm)].map((m) => m[0]), file).toEqual([]);
      expect([...ko!.matchAll(/^\s*(\/\/|\*|#)? ?(en|ko):.*$/gm)].map((m) => m[0]), file).toEqual([]);
    }
  });
});
