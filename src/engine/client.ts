/**
 * The engine client: the only engine module that islands import. It holds no
 * TensorFlow.js code itself; the runtime (and tfjs with it) is imported the
 * first time a widget asks for the engine, so pages without widgets ship none.
 */
import type { Engine, EngineInfo } from './runtime/engine.ts';
import type { GpuLike } from './runtime/backend.ts';

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

/**
 * Runs a named computation in the widget's lane of the latest-wins queue.
 * `key` identifies the widget instance; a newer call with the same key
 * supersedes an older one that has not finished.
 */
export async function compute<T>(key: string, job: (tasks: Tasks, signal: AbortSignal) => Promise<T>): Promise<T> {
  const [engine, tasks] = await Promise.all([getEngine(), import('./tasks/index.ts')]);
  const backend = engine.backend;
  try {
    return await engine.run(key, (_tf, signal) => job(tasks, signal));
  } finally {
    // The engine moves to the next backend when one fails mid-computation: tell the badge.
    if (engine.backend !== backend) announce(engine.info);
  }
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
