import type { GpuLike } from '../runtime/backend.ts';
import type { EngineNotice } from '../runtime/engine-notice.ts';
import type { Connection } from './connection.ts';

/** The engine on the page's main thread, for browsers where a worker cannot host it; `why` joins its notices. */
export async function mainThreadEngine(requested: string | null, gpu: GpuLike | undefined, why: EngineNotice, models: string[]): Promise<Connection> {
  const [{ EngineHost }, { prefetchModel }] = await Promise.all([import('../host.ts'), import('../runtime/model-prefetch.ts')]);
  const prefetch = (ids: readonly string[]) => ids.forEach((id) => prefetchModel(id));
  prefetch(models);
  const host = await EngineHost.create({ requested, gpu });
  host.engine.info.threadReason = why;
  return {
    thread: 'main',
    get info() {
      return host.engine.info;
    },
    call: (name, args) => host.call(name, args),
    start: (id, name, args, options, onReport) => host.start(id, name, args, options, onReport),
    pause: (id) => host.pause(id),
    resume: async (id) => host.resume(id),
    cancel: (id) => host.cancel(id),
    diagnose: async () => host.diagnose(),
    prefetch,
  };
}
