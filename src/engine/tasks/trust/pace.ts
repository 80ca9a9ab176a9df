import { GlassboxError } from '../../shared/errors.ts';
import { nextTask } from '../../shared/next-task.ts';

/**
 * Gives the page a turn between chunks of work (so no chunk holds the main
 * thread for long), then stops the job if a newer one replaced it or the
 * reader pressed Stop (both abort the queue's signal).
 */
export async function pace(signal: AbortSignal | undefined, fn: string): Promise<void> {
  await nextTask();
  if (signal?.aborted) throw new GlassboxError('superseded', `${fn}: stopped, a newer request replaced it`);
}
