/**
 * What the engine notes about where it runs: the WebGPU probe's finding, each
 * backend that could not start or failed, and why it shares the page's main
 * thread. Facts only (codes, names, numbers, and the browser's own error text);
 * the badge words them in the page's language (`src/i18n/engine-notice-text.ts`).
 */
export type EngineNotice =
  | { code: 'no-webgpu' }
  | { code: 'adapter-timeout'; ms: number }
  | { code: 'adapter-failed'; error: string }
  | { code: 'no-adapter' }
  | { code: 'software-adapter'; adapter: string }
  | { code: 'hardware-adapter'; adapter: string }
  | { code: 'backend-not-started'; backend: string; error?: string }
  | { code: 'backend-failed'; backend: string; error: string }
  | { code: 'main-thread-asked' }
  | { code: 'no-worker' }
  | { code: 'worker-failed'; error: string };
