import type { ExerciseRecord } from '~/components/lesson/exercise-record.ts';
import { afterSolution, isDone } from './hand-in.ts';
import type { PlacedItem } from './assignment-items.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

export type ItemRecord = Pick<PlacedItem, 'lesson' | 'exercise' | 'kind'> & {
  title?: string;
  record: ExerciseRecord | null;
  /** The answer in the page's words where the record keeps something else (a choice's option positions: exercise-options.ts). */
  answerText?: string;
};

/** In words: where an exercise stands. */
export function statusText(item: ItemRecord): string {
  const { record, kind } = item;
  if (!record || (record.attempts === 0 && record.correct === null && record.answer === '')) return t('status.notStarted');
  if (kind === 'reflection') return record.correct ? t('status.written') : t('status.notSaved');
  if (record.correct) return afterSolution(record) ? t('status.solvedAfter') : t('status.solved');
  return record.attempts > 0 ? t('status.notSolved') : t('status.started');
}

const SOLUTION: Record<ExerciseRecord['revealed'], string> = {
  no: t('solution.no'),
  asked: t('solution.asked'),
  attempts: t('solution.attempts'),
  solved: t('solution.solved'),
};

function shown(answer: ExerciseRecord['answer'] | undefined): string {
  const text = Array.isArray(answer) ? answer.join('; ') : (answer ?? '');
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The progress line and the summary table (the printable summary) for these records. */
export function showSummary(root: HTMLElement, items: ItemRecord[]): void {
  const done = items.filter((i) => isDone(i.record)).length;
  const bar = root.querySelector<HTMLProgressElement>('[data-done-bar]')!;
  bar.max = items.length;
  bar.value = done;
  root.querySelector('[data-done-text]')!.textContent = t('doneCount', { done, total: items.length });
  const body = root.querySelector<HTMLElement>('[data-summary] tbody')!;
  body.replaceChildren(
    ...items.map((item, index) => {
      const row = document.createElement('tr');
      const cells = [
        String(index + 1),
        item.title ?? `${item.lesson} › ${item.exercise}`,
        shown(item.answerText ?? item.record?.answer),
        statusText(item),
        String(item.record?.attempts ?? 0),
        SOLUTION[item.record?.revealed ?? 'no'],
      ];
      for (const text of cells) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}
