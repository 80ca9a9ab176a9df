import { loadRecord, recordKey } from '~/components/lesson/exercise-record.ts';
import { statusText, type ItemRecord } from './assignment-summary.ts';
import { isDone } from './hand-in.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/** Fills the progress page from this browser's exercise records: each exercise's status, each lesson's count, the total. */
export function showProgress(root: HTMLElement): void {
  let done = 0;
  let total = 0;
  for (const lesson of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const items = [...lesson.querySelectorAll<HTMLElement>('[data-progress-item]')];
    let lessonDone = 0;
    for (const element of items) {
      const item: ItemRecord = {
        lesson: element.dataset['lesson']!,
        exercise: element.dataset['exerciseId']!,
        kind: element.dataset['kind'] as ItemRecord['kind'],
        record: loadRecord(recordKey(element)),
      };
      const status = statusText(item);
      const label = element.querySelector<HTMLElement>('[data-status]')!;
      label.textContent = status;
      label.dataset['done'] = String(isDone(item.record));
      if (isDone(item.record)) lessonDone += 1;
    }
    lesson.querySelector<HTMLProgressElement>('[data-lesson-bar]')!.value = lessonDone;
    lesson.querySelector('[data-lesson-count]')!.textContent = t('doneCount', { done: lessonDone, total: items.length });
    done += lessonDone;
    total += items.length;
  }
  root.querySelector('[data-total]')!.textContent = t('progress.total', { done, total });
}
