import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Strings } from '../../../src/i18n/strings.ts';

/** Every UI string whose Korean differs from its English, with its Korean: the English must not show on a Korean page. */
export async function englishStrings(): Promise<{ en: string; ko: string }[]> {
  const dir = 'src/i18n/ui';
  const out: { en: string; ko: string }[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const strings = (await import(`../../../${dir}/${name}`)).default as Strings<string>;
    for (const [key, en] of Object.entries(strings.en)) if (strings.ko[key] !== en) out.push({ en, ko: strings.ko[key]! });
  }
  return out;
}

/**
 * The pieces of English UI strings a page shows: whole control texts and labels equal to an English string, and
 * fragments of two words or more (between placeholders and tags) anywhere in its text outside code and math. A
 * fragment the Korean string keeps as it is (a command, a name such as JSON Schema) is not an untranslated one.
 */
export async function englishOnPage(page: Page, english: { en: string; ko: string }[]): Promise<string[]> {
  const fragments = english.flatMap(({ en, ko }) =>
    en
      .split(/\{\w+\}|<[^>]*>/)
      .map((part) => part.trim())
      .filter((part) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(part) && part.length >= 8 && !ko.includes(part)),
  );
  const whole = new Set(english.map(({ en }) => en.trim()).filter((text) => /[A-Za-z]{3,}/.test(text) && !/\{\w+\}|</.test(text)));
  const { text, controls } = await page.evaluate(() => {
    const skip = 'code, pre, .katex, script, style, [lang="en"]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest(skip) && parent.checkVisibility()) parts.push(node.textContent ?? '');
    }
    const controls = [...document.querySelectorAll<HTMLElement>('button, label, option, th, summary, legend, figcaption, [aria-label], [title], [placeholder]')]
      .filter((element) => !element.closest(skip))
      .flatMap((element) => [element.innerText, element.getAttribute('aria-label'), element.getAttribute('title'), element.getAttribute('placeholder')])
      .filter((value): value is string => !!value)
      .map((value) => value.trim());
    return { text: parts.join(' ').replace(/\s+/g, ' '), controls };
  });
  const found = new Set<string>();
  for (const fragment of fragments) if (text.includes(fragment)) found.add(fragment);
  for (const control of controls) if (whole.has(control)) found.add(control);
  return [...found];
}
