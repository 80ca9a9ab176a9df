/**
 * The one contract for long work (t-SNE, class visualization, occlusion sweeps,
 * training, scans): made once by an `init` function, then stepped by the
 * runtime's SessionRunner in chunks it sizes by measured time, and read
 * whenever. Progress and results are plain data (structured-cloneable), so a
 * session can run in a worker and report to the page without callbacks.
 * umap-js's `initializeFit / step / getEmbedding` is the model.
 */
export interface Session<Progress, Result> {
  /** Steps left before the work is complete: 0 when done. */
  remaining(): number;
  /**
   * Runs up to `n` steps (n >= 1, never more than `remaining()`). The runner
   * picks `n` so a call lasts about its time budget, so one step should be
   * short (a batch, an iteration, a few positions).
   */
  step(n: number): Promise<void>;
  /** Where the work stands, as plain data; read after a chunk to show progress. */
  progress(): Promise<Progress>;
  /** The result so far (the whole result once `remaining()` is 0), as plain data. */
  read(): Promise<Result>;
  /** Frees what the session holds (tensors, models it made). */
  dispose(): void;
}

export type SessionStatus = 'running' | 'paused' | 'done' | 'cancelled';

/** What a session reports after each chunk: its progress and its status, tagged with the run it belongs to. */
export interface SessionReport<Progress> {
  id: string;
  /** Which start of `id` this is: a report of an older run is stale and never drawn. */
  run: number;
  status: SessionStatus;
  progress: Progress;
}
