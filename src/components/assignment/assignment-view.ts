import { bootWidgets } from '~/components/widgets/boot.ts';
import { initExercises } from '~/components/lesson/exercise-check.ts';
import { loadRecord, recordKey } from '~/components/lesson/exercise-record.ts';
import { readAssignment } from './assignment-link.ts';
import { placeItems, type PlacedItem } from './assignment-items.ts';
import { reviewedHandIn, showReviewed, wireHandIn, wireOpenHandIn } from './hand-in-controls.ts';
import { showSummary } from './assignment-summary.ts';
import { reportToLms } from './scorm-report.ts';

/**
 * The learner's view of an assignment: reads the link (a broken one gives a
 * notice and the empty view; an edited one is flagged and shown), places the
 * exercises with their widgets, and keeps the progress line and the printable
 * summary up to date as exercises are checked.
 */
export async function mountAssignment(root: HTMLElement): Promise<void> {
  const notices = root.querySelector<HTMLElement>('[data-notices]')!;
  const notice = (text: string, kind: 'info' | 'warn' = 'info') => {
    const line = document.createElement('p');
    line.dataset['kind'] = kind;
    line.textContent = text;
    notices.append(line);
  };
  wireOpenHandIn(root);
  const read = await readAssignment(location.search);
  if ('problem' in read) {
    notice(`This assignment link could not be read: ${read.problem} Ask your TA for the link again; nothing from it was used.`, 'warn');
    root.dataset['state'] = 'empty';
    return;
  }
  const { assignment, edited } = read;
  if (edited) notice('This link was changed after it was made (its check does not match what it holds), so it may not be the assignment your TA sent. It is shown as it is; your hand-in will say so.', 'warn');
  root.querySelector('[data-title]')!.textContent = assignment.title;
  root.querySelector('[data-due]')!.textContent = assignment.due ? `Due: ${assignment.due}` : '';
  if (assignment.solutions === 'withheld') notice('Your TA has withheld the worked solutions for this assignment: each exercise still tells you whether you are right, and gives its feedback.');
  const lessons = new Set<string>(JSON.parse(root.dataset['lessons'] ?? '[]') as string[]);
  const list = root.querySelector<HTMLElement>('[data-items]')!;
  let items: PlacedItem[];
  try {
    items = await placeItems(assignment, list, lessons, notice);
  } catch (error) {
    notice(`The assignment's lessons could not be loaded (${(error as Error).message}); reloading the page may help.`, 'warn');
    return;
  }
  if (items.length === 0) {
    notice('None of the exercises this link names is in the book.', 'warn');
    root.dataset['state'] = 'empty';
    return;
  }
  const review = reviewedHandIn();
  if (review) {
    showReviewed(review, items);
    const who = review.learner ? `${review.learner}’s hand-in` : 'a hand-in';
    notice(`You are reviewing ${who} of ${new Date(review.handedInAt).toLocaleString()}: ${review.summary.done} of ${review.summary.total} done. Checking answers here changes this copy, not the file.${review.assignment.edited ? ' The learner opened an edited link.' : ''}`, 'warn');
  }
  bootWidgets();
  initExercises();
  const records = () => items.map(({ lesson, exercise, kind, title, root: element }) => ({ lesson, exercise, kind, title, record: loadRecord(recordKey(element)) }));
  const update = () => {
    const current = records();
    showSummary(root, current);
    reportToLms(current);
  };
  update();
  new MutationObserver(update).observe(list, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  wireHandIn(root, assignment, edited, records);
  root.dataset['state'] = 'ready';
}
