/**
 * The engine client: the only engine module that islands import. It holds no
 * TensorFlow.js code: the engine runs in its own worker (or, where a worker
 * cannot host it, on the main thread, imported on first use), and everything
 * crosses as plain data. Widgets ask for tasks by name through `compute`, and
 * start long work as sessions.
 */
import type { GpuLike } from './runtime/backend.ts';
import type { EngineNotice } from './runtime/engine-notice.ts';
import type { EngineInfo } from './runtime/engine.ts';
import type { SessionOptions } from './runtime/protocol.ts';
import { LatestWinsQueue } from './runtime/queue.ts';
import type { Session, SessionReport } from './runtime/session.ts';
import type { Connection } from './connect/connection.ts';
import { mainThreadEngine } from './connect/main-thread.ts';
import { workerEngine } from './connect/worker-engine.ts';

export type { EngineInfo, SessionReport };

/** Fired on `window` once the page's engine has chosen its backend, and again when it changes. */
export const ENGINE_READY = 'glassbox:engine-ready';

interface GlassboxGlobal {
  engine?: Promise<Connection>;
  /** How many engines this page created: one, however many widgets (checked by the tests). */
  created: number;
  /** Widget lanes with a job running (for the tests' leak checks and the bench). */
  busy: () => number;
}

declare global {
  interface Window {
    glassbox?: GlassboxGlobal;
  }
}

/** Latest-wins lanes, one per widget: a dragged slider never queues stale work. */
const queue = new LatestWinsQueue();

/** The page's one engine, started on first use. */
export function getEngine(): Promise<Connection> {
  const state = (window.glassbox ??= { created: 0, busy: () => queue.busy });
  state.engine ??= createEngine(state);
  return state.engine;
}

/** Shipped models the page's widgets have asked for so far (sent with the engine's start). */
const wanted = new Set<string>();

/**
 * Called when a widget nears the viewport: starts the engine if it has not
 * started, and the download of the models the widget computes with, while the
 * backend starts, instead of after it.
 */
export function prepareEngine(models: readonly string[]): void {
  const fresh = models.filter((id) => !wanted.has(id));
  fresh.forEach((id) => wanted.add(id));
  const started = window.glassbox?.engine !== undefined;
  // A failure to start is shown by the widgets, whose own requests get the same rejected promise.
  const engine = getEngine().catch(() => undefined);
  if (started && fresh.length > 0) void engine.then((connection) => connection?.prefetch(fresh));
}

type AnyFn = (...args: never[]) => unknown;
export type Tasks = typeof import('./tasks/index.ts');
/** Every task as the page calls it: by name, with plain-data arguments, answered by a promise. */
export type TaskCalls = {
  [K in keyof Tasks as Tasks[K] extends AnyFn ? K : never]: Tasks[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

let calls: TaskCalls | undefined;

/**
 * Runs a computation in the widget's lane of the latest-wins queue. `key`
 * identifies the widget instance; a newer call with the same key supersedes
 * an older one that has not finished. The job calls tasks by name; each call
 * goes to the engine as one message and comes back as plain data.
 */
export async function compute<T>(key: string, job: (tasks: TaskCalls, signal: AbortSignal) => Promise<T>): Promise<T> {
  const engine = await getEngine();
  const backend = engine.info.backend;
  calls ??= new Proxy({} as TaskCalls, {
    get: (_, name) => (...args: unknown[]) => engine.call(String(name), args),
  });
  try {
    return await queue.submit(key, (signal) => job(calls!, signal));
  } finally {
    // The engine moves to the next backend when one fails mid-computation: tell the badge.
    if (engine.info.backend !== backend) announce(engine.info);
  }
}

export type Sessions = Tasks['sessions'];
type SessionName = keyof Sessions;
type Made<K extends SessionName> = Awaited<ReturnType<Sessions[K]>>;
export type SessionArgs<K extends SessionName> = Parameters<Sessions[K]>[0];
export type SessionProgress<K extends SessionName> = Made<K> extends Session<infer P, unknown> ? P : never;
export type SessionResult<K extends SessionName> = Made<K> extends Session<unknown, infer R> ? R : never;

/** The newest run of each session id: only its reports reach the page. */
const latestRun = new Map<string, number>();
let sessionRuns = 0;

/**
 * Starts long work as a session under `id` (a widget, or a part of one): the
 * engine steps it in time-sized chunks and reports plain-data progress to
 * `onReport`, never for a run that was cancelled or replaced. Starting again
 * under the same id replaces the running session. Resolves with the result,
 * or rejects with a superseded error when cancelled or replaced.
 */
export async function startSession<K extends SessionName>(
  id: string,
  name: K,
  args: SessionArgs<K>,
  onReport?: (report: SessionReport<SessionProgress<K>>) => void,
  options: SessionOptions = {},
): Promise<SessionResult<K>> {
  const run = ++sessionRuns;
  latestRun.set(id, run);
  const engine = await getEngine();
  // A report already on its way when the session was cancelled or replaced (a 'paused' crossing a restart) is dropped here.
  const report = (r: SessionReport<unknown>) => {
    if (latestRun.get(id) === run) (onReport as ((report: SessionReport<unknown>) => void) | undefined)?.(r);
  };
  return (await engine.start(id, name, args, options, report)) as SessionResult<K>;
}

/** Stops session `id` after its current chunk; resolves once it has stopped. */
export async function pauseSession(id: string): Promise<void> {
  return (await getEngine()).pause(id);
}

/** Continues session `id` from where it was paused. */
export async function resumeSession(id: string): Promise<void> {
  return (await getEngine()).resume(id);
}

/** Stops session `id` for good and frees what it holds. */
export async function cancelSession(id: string): Promise<void> {
  latestRun.delete(id);
  return (await getEngine()).cancel(id);
}

function announce(info: EngineInfo): void {
  window.dispatchEvent(new CustomEvent<EngineInfo>(ENGINE_READY, { detail: { ...info, notices: [...info.notices] } }));
}

/** The chosen backend, if the engine has started (for the badge). */
export function engineInfo(): Promise<EngineInfo> | undefined {
  return window.glassbox?.engine?.then((engine) => engine.info);
}

/**
 * The engine runs in a worker where the browser offers workers and
 * OffscreenCanvas (so WebGL works there too); `?engine=main` keeps it on the
 * main thread, for comparison. If the worker cannot start, the main thread
 * takes over and the badge says why.
 */
async function createEngine(state: GlassboxGlobal): Promise<Connection> {
  state.created += 1;
  const params = new URLSearchParams(location.search);
  const requested = params.get('backend');
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  let why: EngineNotice | undefined;
  if (params.get('engine') === 'main') why = { code: 'main-thread-asked' };
  else if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') why = { code: 'no-worker' };
  let engine: Connection | undefined;
  if (!why) {
    try {
      engine = await workerEngine(requested, [...wanted]);
    } catch (error) {
      why = { code: 'worker-failed', error: (error as Error).message };
    }
  }
  engine ??= await mainThreadEngine(requested, gpu, why!, [...wanted]);
  announce(engine.info);
  return engine;
}
