/**
 * The engine's worker: one per page, however many widgets. It owns the
 * TensorFlow.js backend (WebGPU through the worker's navigator.gpu, WebGL
 * through OffscreenCanvas, wasm, cpu), so long work never blocks the page.
 */
import type { GpuLike } from './runtime/backend.ts';
import { toWire, type Reply, type Request } from './runtime/protocol.ts';
import { EngineHost } from './host.ts';
import { prefetchModel } from './runtime/model-prefetch.ts';
import { forTransfer } from './runtime/transfer.ts';

const scope = self as unknown as { postMessage(reply: Reply, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<Request>) => void) | null; navigator: { gpu?: GpuLike } };
let host: Promise<EngineHost> | undefined;

/** Sends a reply, its large arrays as transferred copies (see transfer.ts). */
function post(reply: Reply): void {
  const sent = forTransfer(reply);
  scope.postMessage(sent.value, sent.transfer);
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'init' || request.type === 'prefetch') request.models.forEach((id) => prefetchModel(id));
  if (request.type === 'prefetch') return;
  if (request.type === 'init') {
    host = EngineHost.create({ requested: request.requested, gpu: scope.navigator.gpu });
    host.then(
      (h) => post({ type: 'ready', info: h.engine.info }),
      (error: unknown) => post({ type: 'start-failed', error: toWire(error) }),
    );
    return;
  }
  void answer(request);
};

async function answer(request: Exclude<Request, { type: 'init' | 'prefetch' }>): Promise<void> {
  const h = await host!;
  const { call } = request;
  try {
    const value = await run(h, request);
    post({ type: 'done', call, value, info: h.engine.info });
  } catch (error) {
    post({ type: 'error', call, error: toWire(error), info: h.engine.info });
  }
}

function run(h: EngineHost, request: Exclude<Request, { type: 'init' | 'prefetch' }>): Promise<unknown> | unknown {
  switch (request.type) {
    case 'call':
      return h.call(request.name, request.args);
    case 'start':
      return h.start(request.id, request.name, request.args, request.options, (report) => post({ type: 'report', call: request.call, report }));
    case 'pause':
      return h.pause(request.id);
    case 'resume':
      return h.resume(request.id);
    case 'cancel':
      return h.cancel(request.id);
    case 'diagnose':
      return h.diagnose();
  }
}
