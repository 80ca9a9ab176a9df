import { bootWidgets } from '~/components/widgets/boot.ts';
import { initExercises } from '~/components/lesson/exercise-check.ts';
import { loadRecord, recordKey } from '~/components/lesson/exercise-record.ts';
import { answerText } from '~/components/lesson/exercise-options.ts';
import { readAssignment } from './assignment-link.ts';
import { placeItems, type PlacedItem } from './assignment-items.ts';
import { reviewedHandIn, showReviewed, wireHandIn, wireOpenHandIn } from './hand-in-controls.ts';
import { showSummary } from './assignment-summary.ts';
import { reportToLms } from './scorm-report.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

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
    notice(t('view.unreadable', { problem: read.problem }), 'warn');
    root.dataset['state'] = 'empty';
    return;
  }
  const { assignment, edited } = read;
  if (edited) notice(t('view.edited'), 'warn');
  root.querySelector('[data-title]')!.textContent = assignment.title;
  root.querySelector('[data-due]')!.textContent = assignment.due ? t('view.due', { due: assignment.due }) : '';
  if (assignment.solutions === 'withheld') notice(t('view.withheld'));
  const lessons = new Set<string>(JSON.parse(root.dataset['lessons'] ?? '[]') as string[]);
  const list = root.querySelector<HTMLElement>('[data-items]')!;
  let items: PlacedItem[];
  try {
    items = await placeItems(assignment, list, lessons, notice);
  } catch (error) {
    notice(t('view.loadFailed', { error: errorText(error) }), 'warn');
    return;
  }
  if (items.length === 0) {
    notice(t('view.noneFound'), 'warn');
    root.dataset['state'] = 'empty';
    return;
  }
  const review = reviewedHandIn();
  if (review) {
    showReviewed(review, items);
    const who = review.learner ? t('view.learnersHandIn', { learner: review.learner }) : t('view.aHandIn');
    notice(
      `${t('view.reviewing', { who, date: new Date(review.handedInAt).toLocaleString(), done: review.summary.done, total: review.summary.total })}${review.assignment.edited ? ` ${t('view.reviewEdited')}` : ''}`,
      'warn',
    );
  }
  bootWidgets();
  initExercises();
  const records = () =>
    items.map(({ lesson, exercise, kind, title, root: element }) => {
      const record = loadRecord(recordKey(element));
      return { lesson, exercise, kind, title, record, ...(record ? { answerText: answerText(element, record.answer) } : {}) };
    });
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
