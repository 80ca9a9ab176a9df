import { describe, expect, it } from 'vitest';
import { wrapParts } from '~/lib/rehype-lesson-parts.ts';

const el = (tagName: string, text: string) => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: text }] });

describe('rehype-lesson-parts', () => {
  it('wraps each h2 and what follows it, up to the next h2, in a section; leaves what comes before the first h2 alone', () => {
    const intro = el('p', 'intro');
    const [h1, p1, h2, p2, p3] = [el('h2', 'One'), el('p', 'a'), el('h2', 'Two'), el('p', 'b'), el('h3', 'c')];
    const tree = { type: 'root', children: [intro, h1, p1, h2, p2, p3] };
    wrapParts(tree);
    expect(tree.children).toEqual([
      intro,
      { type: 'element', tagName: 'section', properties: { className: ['lesson-part'] }, children: [h1, p1] },
      { type: 'element', tagName: 'section', properties: { className: ['lesson-part'] }, children: [h2, p2, p3] },
    ]);
  });

  it('changes nothing in a tree without h2', () => {
    const children = [el('p', 'a'), el('h3', 'b')];
    const tree = { type: 'root', children: [...children] };
    wrapParts(tree);
    expect(tree.children).toEqual(children);
  });
});
