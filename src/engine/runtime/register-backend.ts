import type { BackendName } from './backend.ts';

/**
 * Imports one backend's code, which registers it with tfjs-core. Each import is
 * dynamic, so a page downloads only the backend it uses, and the WebGPU chunk only
 * after a hardware adapter was found.
 */
export async function registerBackend(name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const [wasm, binaries, grads] = await Promise.all([
        import('@tensorflow/tfjs-backend-wasm'),
        import('./wasm-binaries.ts'),
        import('./wasm-conv-grads.ts'),
      ]);
      wasm.setWasmPaths(binaries.wasmPaths);
      // Stock wasm has no Conv2DBackpropFilter, and a fused conv's gradient asks for it even when only
      // the input gradient is wanted (saliency, SmoothGrad): without it every such widget fell back to webgl.
      grads.registerConvGradsWasm();
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}
