import katex from 'katex';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * HTML for a line of front-matter text (a learning goal, a key term's definition) in which
 * `$...$` marks inline TeX, rendered with KaTeX at build time like the
 * lessons' own math; everything else is escaped. A malformed formula fails the
 * build rather than showing raw TeX.
 */
export function inlineMath(text: string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part) => (part.length > 2 && part.startsWith('$') && part.endsWith('$')
      ? katex.renderToString(part.slice(1, -1), { throwOnError: true })
      : escape(part)))
    .join('');
}
