/** Node set-up for training: tfjs wasm backend plus the gradients it lacks. */
import * as tf from '@tensorflow/tfjs-core';
// The tfjs-layers Node bundle registers every gradient config into the global registry.
import '@tensorflow/tfjs-layers';
import '../../src/engine/runtime/batch-norm-grad.ts';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { registerConvGradsWasm } from '../../src/engine/runtime/wasm-conv-grads.ts';

const WASM_DIR = fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));

/** Selects the wasm backend (single-threaded in Node) and registers the convolution gradients it lacks. */
export async function useWasmBackend(): Promise<void> {
  setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend('wasm'))) throw new Error('useWasmBackend: tf.setBackend("wasm") returned false');
  registerConvGradsWasm();
  await tf.ready();
}
