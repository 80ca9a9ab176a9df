/** Grad-CAM explorer: class change -> Grad-CAM heatmap pixels on the canvas, per backend (target: p95 <= 100 ms on wasm). */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/cam-and-grad-cam/';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const BACKENDS = ['wasm', 'webgl', 'cpu'];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `Grad-CAM explorer, class change -> Grad-CAM heatmap on the canvas (${RUNS} changes after 5 warm-up; each also computes`,
    'Guided Grad-CAM, Grad-CAM++ and the CAM agreement, as the widget does)',
    'requested  ran on   median ms   p95 ms',
  ];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}${LESSON}?backend=${backend}`);
    await page.locator('#grad-cam-explorer').scrollIntoViewIfNeeded();
    await page.locator('#grad-cam-explorer[data-ready]').waitFor({ timeout: 60_000 });
    const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    const times = await page.evaluate(measure, backend === 'cpu' ? Math.min(RUNS, 15) : RUNS);
    lines.push(`${backend.padEnd(10)} ${used.padEnd(7)} ${quantile(times, 0.5).toFixed(2).padStart(9)} ${quantile(times, 0.95).toFixed(2).padStart(8)}`);
  }
  return lines;
}

/** Runs in the page: times the class select's change event -> putImageData on the Grad-CAM canvas. */
async function measure(runs: number): Promise<number[]> {
  const root = document.querySelector<HTMLElement>('#grad-cam-explorer')!;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-map="grad-cam"] canvas')!;
  const select = root.querySelector<HTMLSelectElement>('[data-class]')!;
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
    select.value = String(n % 10);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const end = await done;
    if (n >= 5) samples.push(end - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return samples;
}
