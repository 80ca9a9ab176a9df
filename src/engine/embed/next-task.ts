/**
 * Gives the event loop a turn between chunks of iterative work, so input and
 * painting are never held up by more than one chunk. Prefers
 * `scheduler.yield()` (Chromium: resumes ahead of other queued tasks), else a
 * zero-delay timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
