/**
 * Wraps each second-level section of a lesson (an h2 and everything up to the
 * next h2) in <section class="lesson-part">, so the CSS can let the browser
 * skip style and layout of the parts off screen (content-visibility): a long
 * lesson is thousands of KaTeX elements, and laying them all out before any
 * widget runs cost phones seconds of blocking time.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const isH2 = (node: HastNode): boolean => node.type === 'element' && node.tagName === 'h2';

export function wrapParts(tree: HastNode): void {
  const children = tree.children ?? [];
  const out: HastNode[] = [];
  let part: HastNode | undefined;
  for (const child of children) {
    if (isH2(child)) {
      part = { type: 'element', tagName: 'section', properties: { className: ['lesson-part'] }, children: [] };
      out.push(part);
    }
    (part ? part.children! : out).push(child);
  }
  tree.children = out;
}

export default function rehypeLessonParts() {
  return (tree: HastNode): void => wrapParts(tree);
}
