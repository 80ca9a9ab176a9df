import { describe, expect, it } from 'vitest';
import { inlineMath } from '~/lib/inline-math.ts';

describe('inlineMath', () => {
  it('renders $...$ with KaTeX and escapes the rest', () => {
    const html = inlineMath('the logit <b>, written $y^c$ & used');
    expect(html.startsWith('the logit &lt;b&gt;, written ')).toBe(true);
    expect(html.endsWith(' &amp; used')).toBe(true);
    // KaTeX's markup: a superscript c, and MathML for screen readers.
    expect(html).toContain('class="katex"');
    expect(html).toContain('<msup><mi>y</mi><mi>c</mi></msup>');
    expect(html).not.toContain('$');
  });

  it('keeps a short formula and the punctuation after it on one line, and leaves a long formula alone', () => {
    const html = inlineMath('(the same as $A^k_{ij}$), its average');
    expect(html.startsWith('(the same as <span class="math-nowrap"><span class="katex">')).toBe(true);
    expect(html.endsWith('</span>),</span> its average')).toBe(true);
    const long = inlineMath(`a sum $${'x + '.repeat(10)}y$.`);
    expect(long).not.toContain('math-nowrap');
    expect(long.endsWith('</span>.')).toBe(true);
  });

  it('leaves text without math as escaped text, and refuses malformed TeX', () => {
    expect(inlineMath('no math here, 5 > 3')).toBe('no math here, 5 &gt; 3');
    expect(() => inlineMath('broken $\\frac{1}$')).toThrow();
  });
});
