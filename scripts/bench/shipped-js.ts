/** JavaScript each kind of page downloads, gzip-compressed, with and without TensorFlow.js. */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

const PAGES = [
  { label: 'home (no widgets)', path: '/', widgets: [] },
  { label: 'attributions (no widgets)', path: '/attributions/', widgets: [] },
  { label: 'lesson 1, widgets running (wasm)', path: '/lessons/convolution-pooling-activation/', widgets: ['conv-explorer', 'relu-pool', 'shape-calculator'] },
];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = ['JavaScript downloaded per page (gzip KB)'];
  for (const { label, path, widgets } of PAGES) {
    lines.push(await measure(page, origin, label, path, widgets));
  }
  return lines;
}

/** Loads one page in a fresh browser context (an empty cache) and sums its scripts. */
async function measure(opener: Page, origin: string, label: string, path: string, widgets: string[]): Promise<string> {
  const page = await opener.context().browser()!.newPage();
  try {
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.status() === 200) {
        sizes.push(response.body().then((body) => ({ url: response.url(), bytes: gzipSync(body).length })));
      }
    });
    await page.goto(`${origin}${path}?backend=wasm`, { waitUntil: 'networkidle' });
    for (const id of widgets) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}[data-ready]`).waitFor({ timeout: 60_000 });
    }
    const all = await Promise.all(sizes);
    const kb = (list: typeof all) => list.reduce((sum, s) => sum + s.bytes, 0) / 1024;
    return `${label.padEnd(34)} ${kb(all).toFixed(1).padStart(7)} KB   of which tfjs ${kb(all.filter((s) => /tfjs/.test(s.url))).toFixed(1)} KB`;
  } finally {
    await page.close();
  }
}
