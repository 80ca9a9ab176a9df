/** Convolution explorer: input change -> feature map pixels on the canvas, per backend. */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/convolution-pooling-activation/';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 60);
const BACKENDS = ['wasm', 'webgl', 'cpu', 'webgpu'];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [`Convolution explorer, input change -> feature map pixels on the canvas (${RUNS} changes after 5 warm-up)`, 'requested  ran on   median ms   p95 ms'];
  let probe = '';
  for (const backend of BACKENDS) {
    await page.goto(`${origin}${LESSON}?backend=${backend}`);
    await page.locator('#conv-explorer').scrollIntoViewIfNeeded();
    await page.locator('#conv-explorer[data-ready]').waitFor({ timeout: 60_000 });
    const badge = page.locator('[data-backend-badge]');
    probe = (await badge.getAttribute('title'))?.split('\n')[0] ?? '';
    const used = (await badge.getAttribute('data-backend')) ?? '?';
    const times = await page.evaluate(measure, RUNS);
    lines.push(`${backend.padEnd(10)} ${used.padEnd(7)} ${quantile(times, 0.5).toFixed(2).padStart(9)} ${quantile(times, 0.95).toFixed(2).padStart(8)}`);
  }
  lines.push(`WebGPU here: ${probe} (forced with ?backend=webgpu above; the book itself would not choose it)`);
  return lines;
}

/** Runs in the page: times input event -> putImageData on the feature map, with no round trip to Node. */
async function measure(runs: number): Promise<number[]> {
  const root = document.querySelector<HTMLElement>('#conv-explorer')!;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-map="output"] canvas')!;
  const weight = root.querySelector<HTMLInputElement>('[data-kernel-weight]')!;
  const context = canvas.getContext('2d')!;
  const put = context.putImageData.bind(context);
  let drawn: (t: number) => void = () => {};
  context.putImageData = ((...args: Parameters<typeof put>) => {
    put(...args);
    drawn(performance.now());
  }) as typeof context.putImageData;
  const samples: number[] = [];
  for (let n = 0; n < runs + 5; n++) {
    const done = new Promise<number>((resolve) => (drawn = resolve));
    const start = performance.now();
    weight.value = String(n % 2 === 0 ? -3 : -1);
    weight.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await done;
    if (n >= 5) samples.push(end - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return samples;
}
