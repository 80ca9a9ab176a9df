/**
 * A place on a page that survives a different layout: the named element
 * (heading, widget, exercise) at or above it and how far it is towards the
 * next one, so the presenter's place on a projector is the same place on a
 * phone, where everything is taller.
 */
export interface PagePlace {
  /**
   * An element id, '§<n>' for the n-th heading (both editions of a lesson have the same headings, with ids in their
   * own language), or '' for the top of the page.
   */
  anchor: string;
  /** 0 at that element's top, 1 at the next named element's top. */
  frac: number;
}

const ANCHORS = 'main h2[id], main h3[id], main [data-widget][id], main [data-exercise][id], main figure[id]';

function anchors(): { id: string; top: number }[] {
  let heading = 0;
  const list = [...document.querySelectorAll<HTMLElement>(ANCHORS)].map((element) => ({
    id: /^H[23]$/.test(element.tagName) ? `§${heading++}` : element.id,
    top: element.getBoundingClientRect().top + scrollY,
  }));
  return [{ id: '', top: 0 }, ...list.sort((a, b) => a.top - b.top), { id: '', top: document.documentElement.scrollHeight }];
}

/** The place of the page coordinate `y` (pixels from the top of the document). */
export function locate(y: number): PagePlace {
  const list = anchors();
  let i = 0;
  while (i < list.length - 2 && list[i + 1]!.top <= y) i += 1;
  const here = list[i]!;
  const next = list[i + 1]!;
  return { anchor: here.id, frac: next.top > here.top ? Math.min(1, Math.max(0, (y - here.top) / (next.top - here.top))) : 0 };
}

/** The page coordinate of a place on this page's layout. */
export function resolve(place: PagePlace): number {
  const list = anchors();
  const i = place.anchor ? list.findIndex((a, index) => index > 0 && a.id === place.anchor) : 0;
  const here = list[Math.max(0, i)]!;
  const next = list[Math.max(0, i) + 1] ?? here;
  return here.top + place.frac * (next.top - here.top);
}

/** The height of the sticky header, which covers the top of the viewport. */
export function headerHeight(): number {
  return document.querySelector('header.top')?.getBoundingClientRect().height ?? 0;
}
