import type { ExerciseRecord } from './exercise-record.ts';
import { widgetState } from '~/components/ui/widget-events.ts';

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
  if (!state) return { result: 'unreadable', message: 'the widget has not started yet: scroll to it, wait for its first result, and check again.' };
  const { WIDGET_TASKS } = await import('./widget-tasks.ts');
  const task = WIDGET_TASKS[taskName];
  if (!task || task.widget !== state.widget) return { result: 'unreadable', message: `this exercise names a task ("${taskName}") that the widget cannot answer.` };
  try {
    const outcome = await task.check(state, target);
    return outcome.pass ? { result: 'correct', message: outcome.message, passedState: state } : { result: 'wrong', message: outcome.message };
  } catch (error) {
    return { result: 'unreadable', message: `the widget’s result could not be recomputed (${(error as Error).message}).` };
  }
}
