/**
 * An assignment shows exercises and widgets from several lessons on one page.
 * It takes them from the built lesson pages themselves (same origin, so the
 * policy's connect-src allows it), parsed as inert documents: nothing in them
 * runs until the assignment page has put the parts it chose into itself and
 * booted them with its own copies of the widget and exercise code.
 */

import { localizedPath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/** What an exercise needs around it: the section it is in, and the widgets of that section before it. */
export interface ExerciseContext {
  exercise: HTMLElement;
  /** The lesson's title and the heading of the exercise's section. */
  lessonTitle: string;
  section: string;
  sectionId: string;
  widgets: HTMLElement[];
}

const pages = new Map<string, Promise<Document>>();

/** The built page at `path`, parsed (fetched once per page view). */
export function builtPage(path: string): Promise<Document> {
  let page = pages.get(path);
  if (!page) {
    page = fetch(path).then(async (response) => {
      if (!response.ok) throw new Error(t('pages.loadFailed', { path, status: response.status }));
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    pages.set(path, page);
  }
  return page;
}

/** The built page of lesson `slug` in this page's edition, parsed. */
export const lessonPage = (slug: string): Promise<Document> => builtPage(localizedPath(`/lessons/${slug}/`, pageLang()));

/** The exercise with this id in a lesson page, its section and that section's widgets; undefined if there is none. */
export function exerciseContext(page: Document, id: string): ExerciseContext | undefined {
  const exercise = [...page.querySelectorAll<HTMLElement>('[data-exercise]')].find((e) => e.dataset['exerciseId'] === id);
  if (!exercise) return undefined;
  const widgets: HTMLElement[] = [];
  let heading: Element | null = null;
  for (let node = exercise.previousElementSibling; node; node = node.previousElementSibling) {
    if (node.tagName === 'H2') {
      heading = node;
      break;
    }
    const found = node.matches('[data-widget]') ? [node] : [...node.querySelectorAll('[data-widget]')];
    widgets.unshift(...(found as HTMLElement[]));
  }
  const target = exercise.dataset['widgetTarget'];
  const taskWidget = target ? page.getElementById(target) : null;
  if (taskWidget && !widgets.includes(taskWidget)) widgets.push(taskWidget);
  return {
    exercise,
    lessonTitle: page.querySelector('main h1')?.textContent?.trim() ?? '',
    section: heading?.textContent?.trim() ?? '',
    sectionId: heading?.id ?? '',
    widgets,
  };
}

/** Adds the lesson page's stylesheets and style elements to this page's head, once each. */
export function adoptStyles(page: Document): void {
  for (const link of page.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    const href = link.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//') || document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) continue;
    const copy = document.createElement('link');
    copy.rel = 'stylesheet';
    copy.href = href;
    document.head.append(copy);
  }
  const present = new Set([...document.querySelectorAll('style')].map((s) => s.textContent));
  for (const style of page.querySelectorAll('head style')) {
    if (present.has(style.textContent)) continue;
    const copy = document.createElement('style');
    copy.textContent = style.textContent;
    document.head.append(copy);
  }
}
