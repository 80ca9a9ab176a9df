import { SupersededError } from '../shared/errors.ts';
import { nextTask } from '../shared/next-task.ts';
import type { Session, SessionReport, SessionStatus } from './session.ts';

export interface RunOptions<Progress> {
  /** How long one chunk of steps may run before the page gets a turn; 20 ms by default. */
  budgetMs?: number;
  /** Least time between two progress reports while running; 50 ms (about 20 frames a second) by default. */
  reportEveryMs?: number;
  /** Receives progress as plain data; never called for a run that was cancelled or replaced. */
  onReport?: (report: SessionReport<Progress>) => void;
  /** Keep the finished session for later reads until its id is cancelled or reused; by default it is freed at once. */
  keep?: boolean;
}

interface Handle {
  run: number;
  /** Undefined while the session is being made. */
  session: Session<unknown, unknown> | undefined;
  status: SessionStatus;
  /** Set by cancel(); the loop stops at the next chunk boundary. */
  cancelled: boolean;
  paused: boolean;
  /** Wakes a parked loop (resume or cancel). */
  wake: () => void;
  /** Resolved when the loop reaches a pause or its end. */
  parked: Promise<void>;
  park: () => void;
  /** The chunk now running, so reads never interleave with a step. */
  chunk: Promise<void>;
  disposed: boolean;
}

const BUDGET_MS = 20;
const REPORT_MS = 50;

/**
 * Runs sessions, one per id (a widget), in chunks sized by measured time: the
 * first chunk is one step, each later one as many steps as the last measured
 * step time fits in the budget. So a loaded machine gets smaller chunks, and
 * pause and cancel take effect within one chunk. Starting a session under an
 * id that has one cancels the old one; its reports stop at once.
 */
export class SessionRunner {
  private readonly handles = new Map<string, Handle>();
  private runs = 0;

  /**
   * Runs a session to its end; resolves with its result, rejects with
   * SupersededError if cancelled or replaced. `source` may be a maker: the id
   * is taken at once, so a pause or cancel sent while the session is being
   * made (a model loading) is kept and takes effect before its first step.
   */
  async start<P, R>(id: string, source: Session<P, R> | (() => Promise<Session<P, R>>), options: RunOptions<P> = {}): Promise<R> {
    const previous = this.detach(id);
    const handle = this.open(id);
    try {
      // The replaced session may be in a step: let it finish before this one touches the backend.
      if (previous) await previous.parked;
      const session = (typeof source === 'function' ? await source() : source) as Session<unknown, unknown>;
      handle.session = session;
      if (handle.cancelled) this.close(handle);
      else await this.loop(id, handle, session, options as RunOptions<unknown>);
    } catch (error) {
      this.close(handle);
      throw error;
    }
    handle.park();
    if (handle.cancelled) {
      this.close(handle);
      throw new SupersededError(id, 'was cancelled');
    }
    const result = (await handle.session!.read()) as R;
    if (!options.keep) {
      if (this.handles.get(id) === handle) this.handles.delete(id);
      this.close(handle);
    }
    return result;
  }

  /** Stops `id` after its current chunk (or before its first, if it is still being made); resolves once it has stopped. */
  pause(id: string): Promise<void> {
    const handle = this.handles.get(id);
    if (!handle || handle.status !== 'running') return Promise.resolve();
    handle.paused = true;
    return handle.parked;
  }

  /** Continues a paused session from where it stopped. */
  resume(id: string): void {
    const handle = this.handles.get(id);
    if (!handle?.paused) return;
    handle.paused = false;
    // A pause that had not yet taken effect still counts as taken: its caller stops waiting.
    handle.park();
    handle.parked = new Promise((resolve) => (handle.park = resolve));
    handle.wake();
  }

  /** Stops `id` for good and frees its session; resolves once it has stopped. */
  async cancel(id: string): Promise<void> {
    const handle = this.detach(id);
    if (!handle) return;
    await handle.parked;
    this.close(handle);
  }

  /** The current result of `id`, read between chunks. */
  async read<R>(id: string): Promise<R | undefined> {
    const handle = this.handles.get(id);
    if (!handle?.session) return undefined;
    await handle.chunk;
    return (await handle.session.read()) as R;
  }

  /** Status and run number of `id`, if it has a session. */
  status(id: string): { status: SessionStatus; run: number } | undefined {
    const handle = this.handles.get(id);
    return handle && { status: handle.status, run: handle.run };
  }

  private open(id: string): Handle {
    const handle: Handle = {
      run: ++this.runs, session: undefined, status: 'running', cancelled: false, paused: false,
      wake: () => undefined, parked: Promise.resolve(), park: () => undefined, chunk: Promise.resolve(), disposed: false,
    };
    handle.parked = new Promise((resolve) => (handle.park = resolve));
    this.handles.set(id, handle);
    return handle;
  }

  /** Marks `id`'s session cancelled and forgets it at once, so its reports stop; wakes it if paused. */
  private detach(id: string): Handle | undefined {
    const handle = this.handles.get(id);
    if (!handle) return undefined;
    this.handles.delete(id);
    handle.cancelled = true;
    handle.status = 'cancelled';
    handle.wake();
    return handle;
  }

  private close(handle: Handle): void {
    handle.park();
    if (handle.disposed) return;
    handle.disposed = true;
    handle.session?.dispose();
  }

  private async loop(id: string, handle: Handle, session: Session<unknown, unknown>, options: RunOptions<unknown>): Promise<void> {
    const budget = options.budgetMs ?? BUDGET_MS;
    const every = options.reportEveryMs ?? REPORT_MS;
    const report = async (status: SessionStatus) => {
      handle.status = status;
      const progress = await session.progress();
      if (!handle.cancelled) options.onReport?.({ id, run: handle.run, status, progress });
    };
    let perStep = 0;
    let reported = -Infinity;
    await report('running');
    while (!handle.cancelled && session.remaining() > 0) {
      if (handle.paused) {
        await report('paused');
        if (handle.paused && !handle.cancelled) {
          const woken = new Promise<void>((resolve) => (handle.wake = resolve));
          handle.park();
          await woken;
        }
        if (!handle.cancelled) await report('running');
        continue;
      }
      const left = session.remaining();
      const n = perStep > 0 ? Math.max(1, Math.min(left, Math.floor(budget / perStep))) : 1;
      const start = performance.now();
      handle.chunk = session.step(n);
      await handle.chunk;
      // A session may run fewer steps than asked (a batch rounded to a shape it has run before).
      perStep = (performance.now() - start) / Math.max(1, left - session.remaining());
      if (handle.cancelled) break;
      if (session.remaining() > 0 && performance.now() - reported >= every) {
        await report('running');
        reported = performance.now();
      }
      await nextTask();
    }
    if (!handle.cancelled) await report('done');
  }
}
