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

  it('leaves text without math as escaped text, and refuses malformed TeX', () => {
    expect(inlineMath('no math here, 5 > 3')).toBe('no math here, 5 &gt; 3');
    expect(() => inlineMath('broken $\\frac{1}$')).toThrow();
  });
});
