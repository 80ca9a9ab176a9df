import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Markup } from '~/components/ui/markup.ts';

describe('markup: the one way widget code writes HTML', () => {
  it('escapes every value, strings and numbers alike, and keeps the literal markup', () => {
    const state = '<img src=x onerror="alert(1)">';
    expect(html`<strong>${state}</strong> = ${-1.5}`.html).toBe('<strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong> = -1.5');
    expect(escapeHtml(`a & b's "c" <d>`)).toBe('a &amp; b&#39;s &quot;c&quot; &lt;d&gt;');
  });

  it('takes Markup values and lists of them as they are, escaping what they escaped', () => {
    const inner = html`<sub>${'<k>'}</sub>`;
    expect(html`w${inner}`.html).toBe('w<sub>&lt;k&gt;</sub>');
    expect(html`${[html`<i>a</i>`, html` ${'&'}`]}`.html).toBe('<i>a</i> &amp;');
    expect(html``).toEqual(new Markup(''));
  });

  it('is the only HTML sink in the client code: no innerHTML, outerHTML, insertAdjacentHTML or document.write elsewhere', () => {
    const offenders = readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => path !== join('src', 'components', 'ui', 'markup.ts'))
      .filter((path) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
