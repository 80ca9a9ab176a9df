import { describe, expect, it } from 'vitest';
import { basePath, langOf, localizedPath } from '~/i18n/lang.ts';

describe('editions and paths', () => {
  it('puts a path in either edition, from either edition', () => {
    expect(localizedPath('/lessons/why-augment/', 'ko')).toBe('/ko/lessons/why-augment/');
    expect(localizedPath('/ko/lessons/why-augment/', 'en')).toBe('/lessons/why-augment/');
    expect(localizedPath('/ko/lessons/why-augment/', 'ko')).toBe('/ko/lessons/why-augment/');
    expect(localizedPath('/', 'ko')).toBe('/ko/');
    expect(localizedPath('/ko/', 'en')).toBe('/');
    expect(localizedPath('/ko', 'en')).toBe('/');
  });

  it('does not take a path that merely starts with the letters ko for the Korean edition', () => {
    expect(basePath('/kokoro/')).toBe('/kokoro/');
  });

  it('reads an unknown or missing locale as English', () => {
    expect(langOf('ko')).toBe('ko');
    expect(langOf(undefined)).toBe('en');
    expect(langOf('fr')).toBe('en');
  });
});
