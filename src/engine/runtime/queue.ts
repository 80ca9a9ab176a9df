import { SupersededError } from '../shared/errors.ts';

/** A job receives a signal that aborts when a newer job for the same key arrives. */
export type Job<T> = (signal: AbortSignal) => Promise<T>;

interface Pending {
  job: Job<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Latest-wins job queue, one lane per key (a widget). While a job runs, a newly
 * submitted one waits; a third submission replaces the waiting one, whose promise
 * rejects with SupersededError. So a dragged slider runs at most one stale job,
 * never a backlog. The running job's signal aborts as soon as it is stale, so
 * iterative jobs can stop between chunks, and its result is not delivered.
 */
export class LatestWinsQueue {
  private readonly running = new Map<string, AbortController>();
  private readonly waiting = new Map<string, Pending>();

  submit<T>(key: string, job: Job<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { job, resolve: resolve as (value: unknown) => void, reject };
      const current = this.running.get(key);
      if (!current) {
        this.start(key, entry);
        return;
      }
      current.abort();
      this.waiting.get(key)?.reject(new SupersededError(key));
      this.waiting.set(key, entry);
    });
  }

  /** Number of lanes with a job running (for tests and the bench). */
  get busy(): number {
    return this.running.size;
  }

  private start(key: string, entry: Pending): void {
    const controller = new AbortController();
    this.running.set(key, controller);
    entry
      .job(controller.signal)
      .then(
        (value) => (controller.signal.aborted ? entry.reject(new SupersededError(key)) : entry.resolve(value)),
        entry.reject,
      )
      .finally(() => {
        this.running.delete(key);
        const next = this.waiting.get(key);
        if (next) {
          this.waiting.delete(key);
          this.start(key, next);
        }
      });
  }
}
