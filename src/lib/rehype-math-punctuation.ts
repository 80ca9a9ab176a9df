/**
 * Keeps the punctuation right after inline math on the formula's line:
 * without it, "... the map $A$. Its largest ..." may start a line with the
 * full stop, since a browser may break after KaTeX's inline boxes. Runs after
 * rehype-katex and wraps each short inline formula with the punctuation that
 * follows it in <span class="math-nowrap">, which the CSS keeps on one line.
 * A long formula is left alone: unbreakable, it could overflow a phone's column.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
  value?: string;
}

export const PUNCTUATION = /^[.,;:!?)\]’”]+/;
/** Longest TeX source glued to its punctuation: about 200 px of formula at most, which fits a 375 px screen. */
export const MAX_GLUED_TEX = 30;

/** KaTeX keeps the TeX source in its MathML's <annotation>. */
function texOf(node: HastNode): string | undefined {
  if (node.type === 'element' && node.tagName === 'annotation') return node.children?.[0]?.value;
  for (const child of node.children ?? []) {
    const tex = texOf(child);
    if (tex !== undefined) return tex;
  }
  return undefined;
}

const isShortInlineMath = (node: HastNode | undefined): boolean =>
  node?.type === 'element' &&
  node.tagName === 'span' &&
  Array.isArray(node.properties?.className) &&
  node.properties.className.includes('katex') &&
  (texOf(node)?.length ?? Infinity) <= MAX_GLUED_TEX;

function glue(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const next = children[i + 1];
    const match = isShortInlineMath(child) && next?.type === 'text' ? PUNCTUATION.exec(next.value ?? '') : null;
    if (!match) {
      glue(child);
      continue;
    }
    next!.value = next!.value!.slice(match[0].length);
    const wrapped: HastNode = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['math-nowrap'] },
      children: [child, { type: 'text', value: match[0] }],
    };
    children.splice(i, next!.value ? 1 : 2, wrapped);
  }
}

export default function rehypeMathPunctuation() {
  return (tree: HastNode): void => glue(tree);
}
