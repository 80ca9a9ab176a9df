/**
 * The engine client: the only engine module that islands import. It holds no
 * TensorFlow.js code itself; the runtime (and tfjs with it) is imported the
 * first time a widget asks for the engine, so pages without widgets ship none.
 */
import type { Engine, EngineInfo } from './runtime/engine.ts';
import type { GpuLike } from './runtime/backend.ts';
import type { Session, SessionReport } from './runtime/session.ts';

export type { Engine, EngineInfo };

/** Fired on `window` once the page's engine has chosen its backend. */
export const ENGINE_READY = 'glassbox:engine-ready';

interface GlassboxGlobal {
  engine?: Promise<Engine>;
  /** How many engines this page created: one, however many widgets (checked by the tests). */
  created: number;
}

declare global {
  interface Window {
    glassbox?: GlassboxGlobal;
  }
}

/** The page's one engine, created on first use. */
export function getEngine(): Promise<Engine> {
  const state = (window.glassbox ??= { created: 0 });
  state.engine ??= createEngine(state);
  return state.engine;
}

export type Tasks = typeof import('./tasks/index.ts');
export type Sessions = Tasks['sessions'];
type SessionName = keyof Sessions;
type Made<K extends SessionName> = Awaited<ReturnType<Sessions[K]>>;
export type SessionArgs<K extends SessionName> = Parameters<Sessions[K]>[0];
export type SessionProgress<K extends SessionName> = Made<K> extends Session<infer P, unknown> ? P : never;
export type SessionResult<K extends SessionName> = Made<K> extends Session<unknown, infer R> ? R : never;
export type { SessionReport };

let tasksModule: Tasks | undefined;

/**
 * The engine and the task module. Once both are loaded this settles without
 * waiting for a task: a dynamic import on every call would hand the page a
 * rendering turn (several ms on a long lesson) before each job starts.
 */
async function engineAndTasks(): Promise<[Engine, Tasks]> {
  if (tasksModule) return [await getEngine(), tasksModule];
  const [engine, tasks] = await Promise.all([getEngine(), import('./tasks/index.ts')]);
  tasksModule = tasks;
  return [engine, tasks];
}

/**
 * Runs a named computation in the widget's lane of the latest-wins queue.
 * `key` identifies the widget instance; a newer call with the same key
 * supersedes an older one that has not finished.
 */
export async function compute<T>(key: string, job: (tasks: Tasks, signal: AbortSignal) => Promise<T>): Promise<T> {
  const [engine, tasks] = await engineAndTasks();
  const backend = engine.backend;
  try {
    return await engine.run(key, (_tf, signal) => job(tasks, signal));
  } finally {
    // The engine moves to the next backend when one fails mid-computation: tell the badge.
    if (engine.backend !== backend) announce(engine.info);
  }
}

/**
 * Starts long work as a session under `id` (a widget, or a part of one): the
 * runtime steps it in time-sized chunks and calls `onReport` with plain-data
 * progress, never for a run that was cancelled or replaced. Starting again
 * under the same id replaces the running session. Resolves with the result,
 * or rejects with a superseded error when cancelled or replaced.
 */
export async function startSession<K extends SessionName>(
  id: string,
  name: K,
  args: SessionArgs<K>,
  onReport?: (report: SessionReport<SessionProgress<K>>) => void,
  options: { budgetMs?: number; reportEveryMs?: number; keep?: boolean } = {},
): Promise<SessionResult<K>> {
  const [engine, tasks] = await engineAndTasks();
  const make = tasks.sessions[name] as (args: SessionArgs<K>) => Promise<Session<SessionProgress<K>, SessionResult<K>>>;
  return engine.sessions.start(id, await make(args), { ...options, ...(onReport ? { onReport } : {}) });
}

/** Stops session `id` after its current chunk; resolves once it has stopped. */
export async function pauseSession(id: string): Promise<void> {
  return (await getEngine()).sessions.pause(id);
}

/** Continues session `id` from where it was paused. */
export async function resumeSession(id: string): Promise<void> {
  (await getEngine()).sessions.resume(id);
}

/** Stops session `id` for good and frees what it holds. */
export async function cancelSession(id: string): Promise<void> {
  return (await getEngine()).sessions.cancel(id);
}

function announce(info: EngineInfo): void {
  window.dispatchEvent(new CustomEvent<EngineInfo>(ENGINE_READY, { detail: { ...info, notices: [...info.notices] } }));
}

/** The chosen backend, if the engine has started (for the badge). */
export function engineInfo(): Promise<EngineInfo> | undefined {
  return window.glassbox?.engine?.then((engine) => engine.info);
}

async function createEngine(state: GlassboxGlobal): Promise<Engine> {
  state.created += 1;
  const { Engine } = await import('./runtime/engine.ts');
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  const engine = await Engine.create({ requested: new URLSearchParams(location.search).get('backend'), gpu });
  announce(engine.info);
  return engine;
}
