import type { EngineInfo } from '../runtime/engine.ts';
import type { Diagnostics, SessionOptions } from '../runtime/protocol.ts';
import type { SessionReport } from '../runtime/session.ts';

/**
 * The page's line to its one engine, wherever the engine runs: in its worker,
 * or on the main thread where no worker can host it. Everything crossing it
 * is plain data.
 */
export interface Connection {
  readonly thread: 'worker' | 'main';
  /** The engine's backend and notices as of the latest answer. */
  readonly info: EngineInfo;
  call(name: string, args: unknown[]): Promise<unknown>;
  start(id: string, name: string, args: unknown, options: SessionOptions, onReport: (report: SessionReport<unknown>) => void): Promise<unknown>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  diagnose(): Promise<Diagnostics>;
  /** Starts downloading these shipped models' files now, before any task asks for them. */
  prefetch(models: readonly string[]): void;
}
