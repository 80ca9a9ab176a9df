import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineStrings, type Strings } from '~/i18n/strings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('defineStrings', () => {
  const t = defineStrings({ count: '{n} of {total} correct', plain: 'Start' }, { count: '{total}개 중 {n}개 정답', plain: '시작' });

  it('looks a key up in each edition and fills its placeholders', () => {
    expect(t('en')('count', { n: 3, total: 5 })).toBe('3 of 5 correct');
    expect(t('ko')('count', { n: 3, total: 5 })).toBe('5개 중 3개 정답');
    expect(t('ko')('plain')).toBe('시작');
  });

  it('throws, naming the key, when a placeholder has no value', () => {
    expect(() => t('en')('count', { n: 3 })).toThrow('"count" needs {total}, got n');
  });
});

describe('every strings module', async () => {
  const files = readdirSync('src/i18n/ui').filter((name) => name.endsWith('.ts'));
  const modules = await Promise.all(files.map(async (name) => [name, (await import(`~/i18n/ui/${name}`)).default as Strings<string>] as const));

  it('exists', () => expect(files.length).toBeGreaterThan(2));

  it.each(modules)('%s: has the same keys, the same placeholders and Korean text in both editions', (_, strings) => {
    expect(Object.keys(strings.ko).sort()).toEqual(Object.keys(strings.en).sort());
    for (const [key, english] of Object.entries(strings.en)) {
      const korean = strings.ko[key]!;
      expect(korean.trim(), key).not.toBe('');
      expect(placeholders(korean), key).toEqual(placeholders(english));
      // A Korean string without Hangul is a name (Grad-CAM), a number format or a symbol, never an English phrase.
      if (!/[가-힣]/.test(korean)) expect(korean, key).not.toMatch(/\b[a-z]{2,} [a-z]{2,}\b/);
    }
  });
});
