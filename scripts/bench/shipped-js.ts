/**
 * JavaScript each kind of page downloads (its own and its engine worker's), gzip-compressed,
 * and the WebAssembly binaries it fetches (the wasm backend's: one of three, by CPU features).
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

const PAGES = [
  { label: 'home (no widgets)', path: '/', widgets: [] },
  { label: 'attributions (no widgets)', path: '/attributions/', widgets: [] },
  { label: 'lesson 1, widgets running (wasm)', path: '/lessons/convolution-pooling-activation/', widgets: ['conv-explorer', 'relu-pool', 'shape-calculator'] },
];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = ['JavaScript and WebAssembly downloaded per page (gzip KB)'];
  for (const { label, path, widgets } of PAGES) {
    lines.push(await measure(page, origin, label, path, widgets));
  }
  return lines;
}

/** Loads one page in a fresh browser context (an empty cache) and sums its scripts and wasm binaries. */
async function measure(opener: Page, origin: string, label: string, path: string, widgets: string[]): Promise<string> {
  const page = await opener.context().browser()!.newPage();
  try {
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    const binaries: Promise<{ raw: number; bytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.status() !== 200) return;
      if (response.request().resourceType() === 'script') {
        sizes.push(response.body().then((body) => ({ url: response.url(), bytes: gzipSync(body).length })));
      } else if (new URL(response.url()).pathname.endsWith('.wasm')) {
        binaries.push(response.body().then((body) => ({ raw: body.length, bytes: gzipSync(body).length })));
      }
    });
    await page.goto(`${origin}${path}?backend=wasm`, { waitUntil: 'networkidle' });
    for (const id of widgets) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}[data-ready]`).waitFor({ timeout: 60_000 });
    }
    const scripts = await Promise.all(sizes);
    const wasm = await Promise.all(binaries);
    const kb = (bytes: number[]) => (bytes.reduce((sum, b) => sum + b, 0) / 1024).toFixed(1);
    const js = kb(scripts.map((s) => s.bytes));
    // The engine's worker bundles TensorFlow.js into its own chunks (without tfjs in their names); they are counted here too.
    return `${label.padEnd(34)} JS ${js.padStart(6)} KB (page and the engine's worker)   wasm ${kb(wasm.map((w) => w.bytes))} KB (${kb(wasm.map((w) => w.raw))} KB uncompressed)`;
  } finally {
    await page.close();
  }
}
