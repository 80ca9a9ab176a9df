/** The book's editions: English at the site's root, Korean under /ko/. */
export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Each edition's name in its own language, as the language switch shows it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The edition of a page from Astro's current locale (undefined off the i18n routes, which are English). */
export function langOf(locale: string | undefined): Lang {
  return isLang(locale) ? locale : DEFAULT_LANG;
}

/** The edition of the page an island runs on, read from <html lang>. */
export function pageLang(): Lang {
  return langOf(globalThis.document?.documentElement.lang);
}

/** A site path without its edition prefix: /ko/lessons/x/ -> /lessons/x/. */
export function basePath(path: string): string {
  const match = /^\/(ko)(\/|$)/.exec(path);
  return match ? path.slice(match[1]!.length + 1) || '/' : path;
}

/**
 * The key of a page whichever edition it is read in, for what both editions share (exercise answers, widget
 * settings, a study group's places): the path without its edition prefix and without a trailing slash.
 */
export function pageKey(path: string): string {
  const base = basePath(path);
  return base.length > 1 ? base.replace(/\/+$/, '') : base;
}

/** A site path (of either edition) in the given edition: localizedPath('/lessons/x/', 'ko') = /ko/lessons/x/. */
export function localizedPath(path: string, lang: Lang): string {
  const base = basePath(path);
  return lang === DEFAULT_LANG ? base : `/${lang}${base}`;
}
