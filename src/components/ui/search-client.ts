import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/site.ts';
import { searchTerms } from './search-terms.ts';

/** The parts of Pagefind's browser API used here. */
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindHit> }[] }>;
}
interface PagefindHit {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

const INDEX = '/pagefind/pagefind.js';
const t = strings(pageLang());

/** Wires a search dialog to Pagefind's index, loaded on the first keystroke. */
export function openSearch(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  let pagefind: Promise<Pagefind> | undefined;
  let latest = 0;

  input.addEventListener('input', async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      pagefind ??= import(/* @vite-ignore */ INDEX) as Promise<Pagefind>;
      const { results } = await (await pagefind).search(searchTerms(query));
      const hits = await Promise.all(results.slice(0, 8).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...hits.map(renderHit));
      status.textContent = hits.length ? (results.length === 1 ? t('oneResult') : t('results', { n: results.length })) : t('nothingFound', { query });
    } catch {
      pagefind = undefined;
      status.textContent = t('searchOffline');
    }
  });
}

function renderHit(hit: PagefindHit): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.meta.title ?? hit.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(hit.excerpt));
  item.append(link, excerpt);
  return item;
}

/**
 * Pagefind's excerpt (page text, escaped, with <mark> around the matches) as
 * text and <mark> elements only: it is parsed in an inert document and
 * nothing else of it is kept.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body.childNodes;
  return [...parsed].map((node) =>
    node.nodeName === 'MARK'
      ? Object.assign(document.createElement('mark'), { textContent: node.textContent })
      : document.createTextNode(node.textContent ?? ''),
  );
}
