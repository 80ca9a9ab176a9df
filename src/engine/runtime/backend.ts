/**
 * Backend choice, as CONVENTIONS.md sets it: WebGPU on a hardware adapter, else
 * wasm, else webgl, else cpu. A software adapter (SwiftShader, or one flagged
 * `isFallbackAdapter`) counts as no WebGPU: it is about 100x slower than wasm.
 * Everything here is pure or takes its browser objects as arguments, so it is
 * tested without a browser.
 */
import type { EngineNotice } from './engine-notice.ts';

export const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}

/** The parts of `navigator.gpu` we read; typed here so the DOM types of WebGPU are not needed. */
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}
export interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

export interface WebGpuProbe {
  hardware: boolean;
  /** Why WebGPU is or is not used, for the badge's tooltip. */
  notice: EngineNotice;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/**
 * How long the adapter request may take. Some drivers never settle it; without
 * a limit the engine would never start and every widget would wait forever.
 */
export const ADAPTER_TIMEOUT_MS = 2000;

/** Asks for an adapter (never a device) and decides whether it is real hardware. */
export async function probeWebGpu(gpu: GpuLike | undefined, timeoutMs = ADAPTER_TIMEOUT_MS): Promise<WebGpuProbe> {
  if (!gpu) return { hardware: false, notice: { code: 'no-webgpu' } };
  let adapter: AdapterLike | null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const answer = await Promise.race([gpu.requestAdapter({ powerPreference: 'high-performance' }), timeout]);
    if (answer === 'timeout') return { hardware: false, notice: { code: 'adapter-timeout', ms: timeoutMs } };
    adapter = answer;
  } catch (error) {
    return { hardware: false, notice: { code: 'adapter-failed', error: String(error) } };
  } finally {
    clearTimeout(timer);
  }
  if (!adapter) return { hardware: false, notice: { code: 'no-adapter' } };
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  if (adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(name)) {
    return { hardware: false, notice: { code: 'software-adapter', adapter: name || 'fallback' } };
  }
  return { hardware: true, notice: { code: 'hardware-adapter', adapter: name || 'unnamed' } };
}

/**
 * The backends to try, in order. A `?backend=` request goes first; the default
 * order follows it, so a request that fails still lands on a working backend.
 */
export function backendOrder(requested: string | null, hardwareWebGpu: boolean): BackendName[] {
  const defaults = BACKENDS.filter((name) => name !== 'webgpu' || hardwareWebGpu);
  if (!isBackendName(requested)) return defaults;
  return [requested, ...defaults.filter((name) => name !== requested)];
}
