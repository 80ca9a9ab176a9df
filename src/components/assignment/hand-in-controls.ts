import { saveRecord } from '~/components/lesson/exercise-record.ts';
import type { Assignment } from './assignment.ts';
import { linkCheck } from './assignment-link.ts';
import type { PlacedItem } from './assignment-items.ts';
import { makeHandIn, readHandIn, type HandIn } from './hand-in.ts';
import { fileStem, saveFile } from './save-file.ts';
import { localizedPath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/**
 * Hand in (a JSON file the learner sends however the course collects work),
 * print the summary, and open a hand-in: the TA's way back from a file to the
 * view the learner had, with the learner's answers in the exercises.
 */
const REVIEW = 'glassbox:review';

/** The query string of an assignment link, keeping only its two parameters. */
function linkQuery(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['a', 'h']) {
    const value = params.get(key);
    if (value !== null) kept.set(key, value);
  }
  return kept.toString();
}

/**
 * The hand-in being reviewed on this page, if the page was opened from one:
 * `?review=1` and a file read on the previous page for this same assignment.
 */
export function reviewedHandIn(): HandIn | undefined {
  if (new URLSearchParams(location.search).get('review') !== '1') return undefined;
  const read = readHandIn(sessionStorage.getItem(REVIEW) ?? '');
  if (!('handIn' in read) || linkQuery(read.handIn.assignment.link) !== linkQuery(location.search)) return undefined;
  return read.handIn;
}

/** Gives every exercise the record of the hand-in under review, kept apart from this browser's own records. */
export function showReviewed(handIn: HandIn, items: PlacedItem[]): void {
  for (const item of items) {
    const key = `glassbox:review:${item.lesson}:${item.exercise}`;
    item.root.dataset['recordKey'] = key;
    const record = handIn.items.find((i) => i.lesson === item.lesson && i.exercise === item.exercise)?.record;
    if (record) saveRecord(key, record);
    else localStorage.removeItem(key);
  }
}

export function wireHandIn(root: HTMLElement, assignment: Assignment, edited: boolean, records: () => HandIn['items']): void {
  const say = root.querySelector<HTMLElement>('[data-hand-in-status]')!;
  root.querySelector('[data-hand-in]')!.addEventListener('click', async () => {
    const learner = root.querySelector<HTMLInputElement>('[data-learner]')!.value.trim();
    const query = linkQuery(location.search);
    const check = await linkCheck(new URLSearchParams(query).get('a') ?? '');
    const handIn = makeHandIn(assignment, { query, check, edited }, records(), learner);
    const who = fileStem(learner);
    const name = `${fileStem(assignment.title, 'assignment')}${who ? `-${who}` : ''}.json`;
    saveFile(name, new Blob([JSON.stringify(handIn, null, 2)], { type: 'application/json' }));
    say.textContent = t('handIn.saved', { name, done: handIn.summary.done, total: handIn.summary.total });
  });
  root.querySelector('[data-print]')!.addEventListener('click', () => window.print());
}

/** The TA's "open a hand-in": read the file here, then open its assignment with the file's records. Works on the empty view too. */
export function wireOpenHandIn(root: HTMLElement): void {
  const say = root.querySelector<HTMLElement>('[data-open-status]')!;
  const open = root.querySelector<HTMLInputElement>('[data-open-hand-in]')!;
  open.addEventListener('change', async () => {
    const file = open.files?.[0];
    if (!file) return;
    const read = readHandIn(file.size > 2_000_000 ? '' : await file.text());
    if ('problem' in read) {
      say.textContent = t('handIn.openFailed', { problem: read.problem });
      return;
    }
    sessionStorage.setItem(REVIEW, JSON.stringify(read.handIn));
    location.assign(`${localizedPath('/assignment/', pageLang())}?${linkQuery(read.handIn.assignment.link)}&review=1`);
  });
}
