/**
 * npm run bench: builds and serves the book, drives the convolution explorer in
 * headless Chromium, and prints per backend the latency from an input change to
 * the feature map's pixels on the canvas (median and p95), then the JavaScript
 * each kind of page downloads (gzip).
 */
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium as launcher, type Page } from '@playwright/test';
import { chromium } from '../../playwright.config.ts';
import { quantile } from './stats.ts';

const PORT = 4329;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LESSON = '/lessons/convolution-pooling-activation/';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 60);
const BACKENDS = ['wasm', 'webgl', 'cpu', 'webgpu'];

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
const browser = await launcher.launch({ ...chromium, args: [...chromium.args, '--enable-unsafe-webgpu'] });

try {
  await waitForServer();
  console.log(`\nConvolution explorer, input change -> feature map pixels on the canvas (${RUNS} changes, after 5 warm-up)`);
  console.log('requested  ran on   median ms   p95 ms');
  let probe = '';
  for (const backend of BACKENDS) {
    const page = await browser.newPage();
    const result = await latency(page, backend);
    probe = result.probe;
    console.log(`${backend.padEnd(10)} ${result.used.padEnd(7)} ${result.median.toFixed(2).padStart(9)} ${result.p95.toFixed(2).padStart(8)}`);
    await page.close();
  }
  console.log(`WebGPU here: ${probe} (forced with ?backend=webgpu above; the book itself would not choose it)`);
  console.log('\nJavaScript downloaded per page (gzip KB)');
  for (const [label, path, start] of [
    ['home (no widgets)', '/', false],
    ['attributions (no widgets)', '/attributions/', false],
    ['lesson 1, widgets running (wasm)', LESSON, true],
  ] as const) {
    const { total, tfjs } = await shippedJs(path, start);
    console.log(`${label.padEnd(34)} ${total.toFixed(1).padStart(7)} KB   of which tfjs ${tfjs.toFixed(1)} KB`);
  }
} finally {
  await browser.close();
  process.kill(-server.pid!);
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`bench: the preview server did not answer on ${ORIGIN}`);
}

/** Times input event -> putImageData on the feature map canvas, inside the page (no round trip to this process). */
async function latency(page: Page, backend: string): Promise<{ used: string; probe: string; median: number; p95: number }> {
  await page.goto(`${ORIGIN}${LESSON}?backend=${backend}`);
  const widget = page.locator('#conv-explorer');
  await widget.scrollIntoViewIfNeeded();
  await page.locator('#conv-explorer[data-ready]').waitFor({ timeout: 60_000 });
  const probe = (await page.locator('[data-backend-badge]').getAttribute('title'))?.split('\n')[0] ?? '';
  const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
  const times = await page.evaluate(async (runs) => {
    const root = document.querySelector<HTMLElement>('#conv-explorer')!;
    const canvas = root.querySelector<HTMLCanvasElement>('[data-map="output"] canvas')!;
    const weight = root.querySelector<HTMLInputElement>('[data-kernel-weight]')!;
    const context = canvas.getContext('2d')!;
    const put = context.putImageData.bind(context);
    let resolveDrawn: (t: number) => void = () => {};
    context.putImageData = ((...args: Parameters<typeof put>) => {
      put(...args);
      resolveDrawn(performance.now());
    }) as typeof context.putImageData;
    const samples: number[] = [];
    for (let n = 0; n < runs + 5; n++) {
      const drawn = new Promise<number>((resolve) => (resolveDrawn = resolve));
      const start = performance.now();
      weight.value = String(n % 2 === 0 ? -3 : -1);
      weight.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await drawn;
      if (n >= 5) samples.push(end - start);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return samples;
  }, RUNS);
  return { used, probe, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** Sums the gzip size of every script the page downloads (optionally after its widgets start). */
async function shippedJs(path: string, startWidgets: boolean): Promise<{ total: number; tfjs: number }> {
  const page = await browser.newPage();
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.status() === 200) {
      sizes.push(response.body().then((body) => ({ url: response.url(), bytes: gzipSync(body).length })));
    }
  });
  await page.goto(`${ORIGIN}${path}?backend=wasm`);
  if (startWidgets) {
    for (const id of ['conv-explorer', 'relu-pool', 'shape-calculator']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}[data-ready]`).waitFor({ timeout: 60_000 });
    }
  } else {
    await page.waitForLoadState('networkidle');
  }
  const all = await Promise.all(sizes);
  await page.close();
  const kb = (list: typeof all) => list.reduce((sum, s) => sum + s.bytes, 0) / 1024;
  return { total: kb(all), tfjs: kb(all.filter((s) => /tfjs/.test(s.url))) };
}
