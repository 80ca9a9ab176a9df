import { describe, expect, it } from 'vitest';
import rehypeMathPunctuation from '~/lib/rehype-math-punctuation.ts';

/** KaTeX's inline output, reduced to what the plugin reads: the class and the TeX in the MathML annotation. */
const math = (tex: string) => ({
  type: 'element', tagName: 'span', properties: { className: ['katex'] },
  children: [{ type: 'element', tagName: 'annotation', children: [{ type: 'text', value: tex }] }],
});
const text = (value: string) => ({ type: 'text', value });

describe('rehypeMathPunctuation', () => {
  it('wraps inline math with the punctuation after it, and leaves the rest of the text', () => {
    const p = { type: 'element', tagName: 'p', children: [text('the map '), math('A'), text('. Its largest value '), math('m'), text('), end'), math('k'), text(' only')] };
    rehypeMathPunctuation()({ type: 'root', children: [p] });
    expect(p.children).toEqual([
      text('the map '),
      { type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: [math('A'), text('.')] },
      text(' Its largest value '),
      { type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: [math('m'), text('),')] },
      text(' end'),
      math('k'),
      text(' only'),
    ]);
  });

  it('leaves a long formula alone, so that it can still break', () => {
    const long = math('Y_{i,j} = b + \\sum_{u,v} K_{u,v} X_{i+u,\\,j+v}');
    const p = { type: 'element', tagName: 'p', children: [long, text('. Next')] };
    rehypeMathPunctuation()({ type: 'root', children: [p] });
    expect(p.children).toEqual([long, text('. Next')]);
  });

  it('drops the text node when the punctuation was all of it, and ignores display math', () => {
    const display = { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [] };
    const p = { type: 'element', tagName: 'p', children: [math('x'), text(','), display, text('.')] };
    rehypeMathPunctuation()({ type: 'root', children: [p] });
    expect(p.children).toEqual([{ type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: [math('x'), text(',')] }, display, text('.')]);
  });
});
