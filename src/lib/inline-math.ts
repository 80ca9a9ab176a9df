import katex from 'katex';
import { MAX_GLUED_TEX, PUNCTUATION } from './rehype-math-punctuation.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * HTML for a line of front-matter text (a learning goal, a key term's definition) in which
 * `$...$` marks inline TeX, rendered with KaTeX at build time like the
 * lessons' own math; everything else is escaped. A malformed formula fails the
 * build rather than showing raw TeX. A short formula and the punctuation right
 * after it stay on one line, as rehype-math-punctuation keeps them in lessons.
 */
export function inlineMath(text: string): string {
  const parts = text.split(/(\$[^$]+\$)/);
  let html = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!(part.length > 2 && part.startsWith('$') && part.endsWith('$'))) {
      html += escape(part);
      continue;
    }
    const tex = part.slice(1, -1);
    const math = katex.renderToString(tex, { throwOnError: true });
    const glued = tex.length <= MAX_GLUED_TEX ? PUNCTUATION.exec(parts[i + 1] ?? '')?.[0] : undefined;
    if (!glued) {
      html += math;
      continue;
    }
    html += `<span class="math-nowrap">${math}${escape(glued)}</span>`;
    parts[i + 1] = parts[i + 1]!.slice(glued.length);
  }
  return html;
}
