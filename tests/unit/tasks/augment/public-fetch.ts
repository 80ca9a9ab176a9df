import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { vi } from 'vitest';

/** Serves /models/... and /data/... from public/ like the site's web server, so engine tasks load the real model and atlas. */
export function servePublic(): void {
  vi.stubGlobal('fetch', (async (input: RequestInfo | URL) => {
    try {
      return new Response(readFileSync(`public${String(input)}`));
    } catch {
      return new Response('missing', { status: 404 });
    }
  }) as typeof fetch);
}

/** The wasm backend, the one the model card was measured on (the cpu backend needs minutes for hundreds of 64x64 images on two cores). */
export async function useWasm(): Promise<void> {
  // setWasmPaths throws once the backend is initialised (another file may have done it).
  if (!tf.findBackend('wasm')) setWasmPaths(fileURLToPath(new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  if (!(await tf.setBackend('wasm'))) throw new Error('useWasm: the wasm backend did not start');
}
