/** How far down the viewport a heading may be and still count as the start of the section being read. */
const READING_LINE = 0.25;

/**
 * The id of the section the reader is in: the last section heading (an h2 with an id) in the main content whose top
 * is above a line a quarter down the viewport; undefined at the top of the page.
 */
export function currentSection(root: ParentNode = document): string | undefined {
  const line = innerHeight * READING_LINE;
  let id: string | undefined;
  for (const heading of root.querySelectorAll<HTMLElement>('main h2[id]')) {
    // A heading in a closed box or a hidden panel has no box: it marks no place on the page.
    if (!heading.getClientRects().length) continue;
    if (heading.getBoundingClientRect().top > line) break;
    id = heading.id;
  }
  return id;
}
