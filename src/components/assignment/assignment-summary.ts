import type { ExerciseRecord } from '~/components/lesson/exercise-record.ts';
import { afterSolution, isDone } from './hand-in.ts';
import type { PlacedItem } from './assignment-items.ts';

export type ItemRecord = Pick<PlacedItem, 'lesson' | 'exercise' | 'kind'> & { title?: string; record: ExerciseRecord | null };

/** In words: where an exercise stands. */
export function statusText(item: ItemRecord): string {
  const { record, kind } = item;
  if (!record || (record.attempts === 0 && record.correct === null && record.answer === '')) return 'Not started';
  if (kind === 'reflection') return record.correct ? 'Written' : 'Not saved yet';
  if (record.correct) return afterSolution(record) ? 'Solved after seeing the solution' : 'Solved';
  return record.attempts > 0 ? 'Not solved yet' : 'Started';
}

const SOLUTION: Record<ExerciseRecord['revealed'], string> = { no: 'not opened', asked: 'asked for', attempts: 'opened after 3 tries', solved: 'opened when solved' };

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
  root.querySelector('[data-done-text]')!.textContent = `${done} of ${items.length} done`;
  const body = root.querySelector<HTMLElement>('[data-summary] tbody')!;
  body.replaceChildren(
    ...items.map((item, index) => {
      const row = document.createElement('tr');
      const cells = [String(index + 1), item.title ?? `${item.lesson} › ${item.exercise}`, shown(item.record?.answer), statusText(item), String(item.record?.attempts ?? 0), SOLUTION[item.record?.revealed ?? 'no']];
      for (const text of cells) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}
