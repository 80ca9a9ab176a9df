import type { EngineInfo } from '../runtime/engine.ts';
import { fromWire, type Diagnostics, type Reply, type Request } from '../runtime/protocol.ts';
import type { SessionReport } from '../runtime/session.ts';
import type { Connection } from './connection.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onReport?: (report: SessionReport<unknown>) => void;
}

/** Distributes Request without its `call` over the union, so each message keeps its own fields. */
type Outgoing = Request extends infer R ? (R extends { call: number } ? Omit<R, 'call'> : never) : never;

/**
 * Starts the engine in its worker and resolves once a backend runs there.
 * Rejects if the worker cannot load or no backend starts in it (the client
 * then runs the engine on the main thread).
 */
export function workerEngine(requested: string | null, models: string[]): Promise<Connection> {
  const worker = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module', name: 'glassbox-engine' });
  const pending = new Map<number, Pending>();
  let calls = 0;
  let info: EngineInfo;

  const send = (message: Outgoing, onReport?: Pending['onReport']): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const call = ++calls;
      pending.set(call, { resolve, reject, ...(onReport ? { onReport } : {}) });
      worker.postMessage({ ...message, call } as Request);
    });

  const connection: Connection = {
    thread: 'worker',
    get info() {
      return info;
    },
    call: (name, args) => send({ type: 'call', name, args }),
    start: (id, name, args, options, onReport) => send({ type: 'start', id, name, args, options }, onReport),
    pause: (id) => send({ type: 'pause', id }) as Promise<void>,
    resume: (id) => send({ type: 'resume', id }) as Promise<void>,
    cancel: (id) => send({ type: 'cancel', id }) as Promise<void>,
    diagnose: () => send({ type: 'diagnose' }) as Promise<Diagnostics>,
    prefetch: (ids) => worker.postMessage({ type: 'prefetch', models: [...ids] } satisfies Request),
  };

  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (reply.type === 'ready') {
        info = reply.info;
        resolve(connection);
      } else if (reply.type === 'start-failed') {
        worker.terminate();
        reject(fromWire(reply.error));
      } else if (reply.type === 'report') {
        pending.get(reply.call)?.onReport?.(reply.report);
      } else {
        info = reply.info;
        const waiting = pending.get(reply.call);
        pending.delete(reply.call);
        if (reply.type === 'done') waiting?.resolve(reply.value);
        else waiting?.reject(fromWire(reply.error));
      }
    };
    worker.onerror = (event) => {
      const error = new Error(`the engine's worker failed (${event.message || 'it could not be loaded'})`);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      reject(error);
    };
    worker.postMessage({ type: 'init', requested, models } satisfies Request);
  });
}
