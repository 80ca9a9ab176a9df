/**
 * Where the engine runs (its worker, or the page's main thread where no worker
 * can host it): the Engine with its backend, and the tasks and sessions it
 * runs by name. Both the worker and the main-thread client call this, so the
 * two places run the same code.
 */
import { Engine, type EngineOptions } from './runtime/engine.ts';
import type { Diagnostics, SessionOptions } from './runtime/protocol.ts';
import type { Session, SessionReport } from './runtime/session.ts';
import { badArgument } from './shared/errors.ts';

type Tasks = typeof import('./tasks/index.ts');
type Maker = (args: unknown) => Promise<Session<unknown, unknown>>;

export class EngineHost {
  private constructor(
    readonly engine: Engine,
    private readonly tasks: Tasks,
  ) {}

  static async create(options: EngineOptions): Promise<EngineHost> {
    const [engine, tasks] = await Promise.all([Engine.create(options), import('./tasks/index.ts')]);
    return new EngineHost(engine, tasks);
  }

  /** Runs task `name` with `args`, moving to the next backend if this one fails. */
  call(name: string, args: unknown[]): Promise<unknown> {
    const task = (this.tasks as unknown as Record<string, unknown>)[name];
    if (typeof task !== 'function') return Promise.reject(badArgument('engine', 'task', 'the name of a task in tasks/index.ts', name));
    return this.engine.execute(() => (task as (...a: unknown[]) => Promise<unknown>)(...args));
  }

  /** Makes session `name` from `args` and runs it under `id`, replacing any session there. */
  async start(id: string, name: string, args: unknown, options: SessionOptions, onReport: (report: SessionReport<unknown>) => void): Promise<unknown> {
    const make = (this.tasks.sessions as unknown as Record<string, Maker>)[name];
    if (!make) throw badArgument('startSession', 'name', `one of ${Object.keys(this.tasks.sessions).join(', ')}`, name);
    return this.engine.sessions.start(id, () => make(args), { ...options, onReport });
  }

  pause(id: string): Promise<void> {
    return this.engine.sessions.pause(id);
  }

  resume(id: string): void {
    this.engine.sessions.resume(id);
  }

  cancel(id: string): Promise<void> {
    return this.engine.sessions.cancel(id);
  }

  diagnose(): Diagnostics {
    return { info: { ...this.engine.info, notices: [...this.engine.info.notices] }, ...this.engine.memory() };
  }
}
