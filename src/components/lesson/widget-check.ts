import type { ExerciseRecord } from './exercise-record.ts';
import { widgetState } from '~/components/ui/widget-events.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/lesson-exercise.ts';

const t = strings(pageLang());

export interface WidgetCheck {
  result: 'correct' | 'wrong' | 'unreadable';
  message: string;
  passedState?: ExerciseRecord['passedState'];
}

/**
 * Checks a widget task: asks the widget with id `widgetId` for its current
 * state, and has the task recompute the result from that state through the
 * engine. The task code (and with it the engine's client) loads on the first check.
 */
export async function checkWidgetTask(widgetId: string, taskName: string, target: number): Promise<WidgetCheck> {
  const state = widgetState(widgetId);
  if (!state) return { result: 'unreadable', message: t('task.notStarted') };
  const { WIDGET_TASKS } = await import('./widget-tasks.ts');
  const task = WIDGET_TASKS[taskName];
  if (!task || task.widget !== state.widget) return { result: 'unreadable', message: t('task.unknown', { task: taskName }) };
  try {
    const outcome = await task.check(state, target);
    return outcome.pass ? { result: 'correct', message: outcome.message, passedState: state } : { result: 'wrong', message: outcome.message };
  } catch (error) {
    return { result: 'unreadable', message: t('task.failed', { error: errorText(error) }) };
  }
}
