import type { Page } from '@playwright/test';
import { LESSON, expect, ready, test } from './fixtures.ts';

/** Counts every WebGL context the page's own thread creates, on page canvases and offscreen ones alike. */
async function countWebglContexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = window as unknown as { webglContexts: number };
    counter.webglContexts = 0;
    for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as { getContext: (...args: unknown[]) => unknown }[]) {
      const original = proto.getContext;
      proto.getContext = function (this: unknown, type: unknown, ...rest: unknown[]) {
        const context = original.call(this, type, ...rest);
        if (String(type).startsWith('webgl') && context) counter.webglContexts += 1;
        return context;
      };
    }
  });
}

test('two widgets share one engine, in one worker, with its one WebGL backend; the page itself makes no WebGL context', async ({ page }) => {
  await countWebglContexts(page);
  await page.goto(`${LESSON}?backend=webgl`);
  await ready(page, 'conv-explorer');
  await ready(page, 'relu-pool');
  await ready(page, 'shape-calculator');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-backend', 'webgl');
  await expect(badge).toHaveAttribute('data-thread', 'worker');
  expect(await page.evaluate(() => window.glassbox!.created)).toBe(1);
  expect(page.workers().map((worker) => worker.url()).filter((url) => /worker/.test(url))).toHaveLength(1);
  const diagnostics = await page.evaluate(async () => (await window.glassbox!.engine!).diagnose());
  expect(diagnostics.info).toMatchObject({ backend: 'webgl', thread: 'worker' });
  expect(await page.evaluate(() => (window as unknown as { webglContexts: number }).webglContexts)).toBe(0);
});

test('?engine=main keeps the engine on the main thread, with one WebGL context, and the badge says so', async ({ page }) => {
  await countWebglContexts(page);
  await page.goto(`${LESSON}?backend=webgl&engine=main`);
  await ready(page, 'conv-explorer');
  await ready(page, 'relu-pool');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-thread', 'main');
  await expect(badge).toContainText('WebGL, main thread');
  await expect(badge).toHaveAttribute('title', /engine on the main thread \(\?engine=main\)/);
  expect(await page.evaluate(() => (window as unknown as { webglContexts: number }).webglContexts)).toBe(1);
});

// The fallback tests fake navigator.gpu with an init script, which reaches the page but not a worker:
// they run the engine on the main thread (?engine=main), where the same Engine code asks the page's navigator.gpu.
test('in its worker the engine asks the worker\'s own WebGPU, finds the software adapter and runs on wasm', async ({ page }) => {
  await page.goto(LESSON);
  await ready(page, 'conv-explorer');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-thread', 'worker');
  await expect(badge).toHaveAttribute('title', /WebGPU adapter is software|this browser has no WebGPU|WebGPU offered no adapter/);
  await expect(badge).not.toContainText('main thread');
});

test('without navigator.gpu the book runs on wasm and says why', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
  await page.goto(`${LESSON}?engine=main`);
  await ready(page, 'conv-explorer');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('title', /this browser has no WebGPU/);
  await expect(badge).toContainText('WebAssembly');
  await expect(badge.locator('[data-backend-fallback]')).toBeHidden();
});

test('when WebGPU setup fails on a hardware adapter the book falls back to wasm', async ({ page }) => {
  await page.addInitScript(() => {
    const adapter = {
      info: { vendor: 'nvidia', architecture: 'hopper', device: '', description: '' },
      isFallbackAdapter: false,
      features: new Set<string>(),
      limits: {},
      requestDevice: () => Promise.reject(new Error('device creation failed')),
    };
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => ({ requestAdapter: async () => adapter, getPreferredCanvasFormat: () => 'bgra8unorm' }) });
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${LESSON}?engine=main`);
  await ready(page, 'conv-explorer');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('title', /WebGPU adapter nvidia hopper\nwebgpu could not start/);
  await expect(badge.locator('[data-backend-fallback]')).toBeVisible();
  // The adapter looked like hardware, so the WebGPU chunk was fetched; on software adapters it is not.
  expect(requests.some((url) => /webgpu/i.test(url))).toBe(true);
});

test('when the WebGPU adapter request never settles the book falls back to wasm and says why', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => ({ requestAdapter: () => new Promise(() => undefined) }) });
  });
  await page.goto(`${LESSON}?engine=main`);
  await ready(page, 'conv-explorer');
  const badge = page.locator('[data-backend-badge]');
  await expect(badge).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('title', /WebGPU adapter request did not answer within 2000 ms/);
});

test('a software WebGPU adapter never loads the WebGPU chunk', async ({ page }) => {
  await page.addInitScript(() => {
    const adapter = { info: { vendor: 'google', architecture: 'swiftshader' }, isFallbackAdapter: false };
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => ({ requestAdapter: async () => adapter }) });
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${LESSON}?engine=main`);
  await ready(page, 'conv-explorer');
  await expect(page.locator('[data-backend-badge]')).toHaveAttribute('title', /software \(google swiftshader\)/);
  expect(requests.filter((url) => /webgpu/i.test(url))).toEqual([]);
});

test('?backend=cpu is honoured and shown', async ({ page }) => {
  await page.goto(`${LESSON}?backend=cpu`);
  await ready(page, 'conv-explorer');
  await expect(page.locator('[data-backend-badge]')).toContainText('CPU');
  await expect(page.locator('#conv-explorer [data-widget-status]')).toContainText('Computed on cpu');
});
