/**
 * The scripts that must run before first paint, so they are inline: their
 * text lives here once, for the layouts that print it and for the site's
 * Content-Security-Policy (astro.config.mjs), which allows each by its hash.
 */
import { createHash } from 'node:crypto';

/** Base.astro: the saved theme, else the system's, so the page never flashes. */
export const THEME_SCRIPT = `(() => {
  let saved = null;
  try {
    saved = localStorage.getItem('glassbox:theme');
  } catch {}
  const dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();`;

/**
 * Base.astro, after the hreflang links: a reader who chose the other edition with the language switch
 * (LanguageSwitch.astro stores the choice) is taken to it from any page they reach in this one.
 */
export const LANG_SCRIPT = `(() => {
  let saved = null;
  try {
    saved = localStorage.getItem('glassbox:lang');
  } catch {}
  if (!saved || saved === document.documentElement.lang) return;
  const other = document.querySelector('link[rel="alternate"][hreflang="' + saved + '"]');
  if (other) location.replace(new URL(other.href).pathname + location.search + location.hash);
})();`;

/** Lesson.astro: on phones the outline starts folded, so the lesson comes first. */
export const OUTLINE_SCRIPT = `if (matchMedia('(max-width: 900px)').matches) document.currentScript.previousElementSibling.open = false;`;

/** The CSP hash of each inline script, as Astro's security.csp takes it (sha256-…, no quotes). */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [THEME_SCRIPT, LANG_SCRIPT, OUTLINE_SCRIPT].map((text) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const);
}
