/**
 * The sizes a room keeps to, and the shape of a page path in it: shared by the
 * server's guard, the room's schema and the page, with no dependencies, so a
 * page outside any session loads nothing more than these numbers.
 */
export const LIMITS = {
  /** Bytes in one message: a page's whole room after a long time offline fits. */
  message: 1024 * 1024,
  /** Messages a page may send per second, on average, and in a burst (pointer, scroll, widgets and notes together). */
  rate: 100,
  burst: 300,
  /** Characters of one lesson's notes. */
  note: 20_000,
  name: 40,
  why: 280,
  /** Entries in each map: far above a course's use; a room the host keeps open for a term stays under them. */
  widgets: 1000,
  notes: 60,
  rounds: 400,
  answers: 20_000,
  /** Discussion groups in one round. */
  groups: 200,
} as const;

/** A path on the book's own site: one leading slash only, so it can never name another host (`//host/…`). */
export const PAGE_PATH = String.raw`\/(?!\/)[a-z0-9/-]{0,120}`;
export const PATH = new RegExp(`^${PAGE_PATH}$`);
