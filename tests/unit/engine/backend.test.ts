import { describe, expect, it } from 'vitest';
import { backendOrder, probeWebGpu, type AdapterLike } from '~/engine/runtime/backend.ts';

const gpuWith = (adapter: AdapterLike | null | Error) => ({
  requestAdapter: async () => {
    if (adapter instanceof Error) throw adapter;
    return adapter;
  },
});

describe('probeWebGpu', () => {
  it('finds no WebGPU without navigator.gpu', async () => {
    expect(await probeWebGpu(undefined)).toEqual({ hardware: false, notice: { code: 'no-webgpu' } });
  });

  it('treats a missing adapter or a failed request as no WebGPU', async () => {
    expect((await probeWebGpu(gpuWith(null))).hardware).toBe(false);
    expect(await probeWebGpu(gpuWith(new Error('denied')))).toEqual({ hardware: false, notice: { code: 'adapter-failed', error: 'Error: denied' } });
  });

  it('gives up on an adapter request that never settles, and says so', async () => {
    const never = { requestAdapter: () => new Promise<AdapterLike | null>(() => undefined) };
    const start = performance.now();
    expect(await probeWebGpu(never, 50)).toEqual({ hardware: false, notice: { code: 'adapter-timeout', ms: 50 } });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('treats software adapters as no WebGPU', async () => {
    expect((await probeWebGpu(gpuWith({ isFallbackAdapter: true }))).hardware).toBe(false);
    expect((await probeWebGpu(gpuWith({ info: { isFallbackAdapter: true } }))).hardware).toBe(false);
    const swiftshader = await probeWebGpu(gpuWith({ info: { vendor: 'google', architecture: 'swiftshader' } }));
    expect(swiftshader).toEqual({ hardware: false, notice: { code: 'software-adapter', adapter: 'google swiftshader' } });
  });

  it('accepts a hardware adapter', async () => {
    const probe = await probeWebGpu(gpuWith({ info: { vendor: 'nvidia', architecture: 'hopper' } }));
    expect(probe).toEqual({ hardware: true, notice: { code: 'hardware-adapter', adapter: 'nvidia hopper' } });
  });
});

describe('backendOrder', () => {
  it('prefers WebGPU only on hardware, then wasm, webgl, cpu', () => {
    expect(backendOrder(null, true)).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
    expect(backendOrder(null, false)).toEqual(['wasm', 'webgl', 'cpu']);
  });

  it('puts a ?backend= request first and keeps the rest as fallbacks', () => {
    expect(backendOrder('cpu', false)).toEqual(['cpu', 'wasm', 'webgl']);
    expect(backendOrder('webgpu', false)).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
  });

  it('ignores an unknown request', () => {
    expect(backendOrder('tpu', false)).toEqual(['wasm', 'webgl', 'cpu']);
  });
});
