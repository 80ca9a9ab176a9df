/**
 * A code listing in one edition's language. The files in listings/ carry every prose comment twice, each line
 * tagged with its language, the English lines first:
 *
 *   // en: each filter's largest magnitude          # en: the k smallest
 *   // ko: 필터마다 가장 큰 절댓값                   # ko: 가장 작은 k개
 *
 * and the same inside TSDoc blocks (` * en: …`) and Python docstrings (`    en: …`, the quotes on their own
 * lines). The code itself exists once. An edition keeps its own tagged lines without the tag and drops the
 * other language's lines whole; untagged comments (the shapes and symbols after code, such as `// A^k: [1, u, v, K]`)
 * are shown in both.
 */
import type { Lang } from '~/i18n/lang.ts';

/** The listing's language: TypeScript (`//` comments and TSDoc) or Python (`#` comments and docstrings). */
export type ListingSyntax = 'ts' | 'py';

// What comes before the tag (indentation, comment marker, one space), the tag, and the comment's text in that
// language (empty for a blank comment line).
const TS_LINE = /^(\s*\/\/ )(en|ko):(?: (.*))?$/;
const TS_BLOCK_LINE = /^(\s*\* )(en|ko):(?: (.*))?$/;
const PY_LINE = /^(\s*# )(en|ko):(?: (.*))?$/;
const PY_DOC_LINE = /^(\s*)(en|ko):(?: (.*))?$/;

/** The syntax of a listing from its file name: `grad_cam.py` is Python, `grad-cam.ts` TypeScript. */
export function listingSyntax(path: string): ListingSyntax {
  if (path.endsWith('.py')) return 'py';
  if (path.endsWith('.ts')) return 'ts';
  throw new Error(`listingSyntax(path): expected a .ts or .py file, got ${JSON.stringify(path)}`);
}

/**
 * `source` as the `lang` edition shows it: that language's tagged comment lines untagged, the other language's
 * lines removed, everything else (code, untagged comments) unchanged. A removal never leaves two blank lines
 * where the source had one.
 */
export function listingIn(source: string, syntax: ListingSyntax, lang: Lang): string {
  const out: string[] = [];
  let inBlock = false; // inside a /* */ comment (ts) or a """ docstring (py)
  let removedSinceLast = false;
  for (const line of source.split('\n')) {
    const tagged = taggedLine(line, syntax, inBlock);
    inBlock = blockStateAfter(line, syntax, inBlock);
    if (tagged && tagged.lang !== lang) {
      removedSinceLast = true;
      continue;
    }
    const kept = tagged ? `${tagged.prefix}${tagged.text}`.trimEnd() : line;
    // Dropping a block that stood between two blank lines would leave them adjacent: keep one.
    const doubledBlank = removedSinceLast && kept.trim() === '' && out.length > 0 && out[out.length - 1]!.trim() === '';
    removedSinceLast = false;
    if (!doubledBlank) out.push(kept);
  }
  return out.join('\n');
}

interface Tagged {
  /** What comes before the tag: the indentation, then `// `, ` * ` or `# ` (nothing more in a docstring). */
  prefix: string;
  lang: Lang;
  text: string;
}

function taggedLine(line: string, syntax: ListingSyntax, inBlock: boolean): Tagged | null {
  const pattern = syntax === 'ts' ? (inBlock ? TS_BLOCK_LINE : TS_LINE) : inBlock ? PY_DOC_LINE : PY_LINE;
  const match = pattern.exec(line);
  if (!match) return null;
  return { prefix: match[1]!, lang: match[2] as Lang, text: match[3] ?? '' };
}

/** Whether the next line starts inside a block comment (ts) or docstring (py), given this line and the state before it. */
function blockStateAfter(line: string, syntax: ListingSyntax, inBlock: boolean): boolean {
  if (syntax === 'py') return line.split('"""').length % 2 === 0 ? !inBlock : inBlock;
  if (inBlock) return !line.includes('*/');
  const trimmed = line.trimStart();
  return trimmed.startsWith('/*') && !trimmed.slice(2).includes('*/');
}
