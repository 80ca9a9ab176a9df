/**
 * Occlusion and saliency lesson: the whole occlusion map (64 x 64 image, 8 x 8
 * patch, stride 4: 225 positions) from the button press to the last cell drawn,
 * and how long the page was blocked meanwhile; then vanilla + guided gradients
 * and SmoothGrad (25 samples) in the comparison widget. Target (issue 4): the
 * map in <= 1 s on wasm, never blocking more than 50 ms at a time.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/occlusion-and-saliency/';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 8);
const BACKENDS = ['wasm', 'webgl', 'cpu'];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `Occlusion map 64x64, patch 8, stride 4 (225 positions), click -> last cell drawn (${RUNS} runs after 1 warm-up); blocking = longest main-thread task`,
    'requested  ran on   median ms   p95 ms   passes   longest batch ms (sync)   longest task ms   tasks > 50 ms',
  ];
  const saliency: string[] = ['Saliency comparison, from scrolling into view: vanilla + guided gradients (one call), then SmoothGrad n = 25 done (progressive)', 'requested  ran on   gradients ms   SmoothGrad ms'];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}${LESSON}?backend=${backend}`);
    await page.locator('#occlusion-explorer').scrollIntoViewIfNeeded();
    await page.locator('#occlusion-explorer[data-ready]').waitFor({ timeout: 60_000 });
    const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    const runs = backend === 'cpu' ? Math.min(RUNS, 3) : RUNS;
    const result = await page.evaluate(sweeps, runs);
    const { times, passes, batch, task, over } = result;
    lines.push(
      `${backend.padEnd(10)} ${used.padEnd(7)} ${quantile(times, 0.5).toFixed(0).padStart(9)} ${quantile(times, 0.95).toFixed(0).padStart(8)} ${String(passes).padStart(8)} ${batch.toFixed(1).padStart(25)} ${task.toFixed(0).padStart(17)} ${String(over).padStart(15)}`,
    );
    const timing = await page.evaluate(saliencyTiming);
    // Read again: a backend that lacks a gradient kernel hands over to the next one, and the badge says so.
    const after = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    saliency.push(`${backend.padEnd(10)} ${after.padEnd(7)} ${timing.gradients.toFixed(0).padStart(12)} ${timing.smooth.toFixed(0).padStart(15)}`);
  }
  return [...lines, '', ...saliency];
}

/** Runs in the page: presses "Compute the whole map" runs + 1 times, timing each and watching long tasks. */
async function sweeps(runs: number): Promise<{ times: number[]; passes: number; batch: number; task: number; over: number }> {
  const root = document.querySelector<HTMLElement>('#occlusion-explorer')!;
  const button = root.querySelector<HTMLButtonElement>('[data-sweep]')!;
  const status = root.querySelector<HTMLElement>('[data-widget-status]')!;
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
  const times: number[] = [];
  let passes = 0;
  let batch = 0;
  for (let n = 0; n <= runs; n++) {
    // Long tasks are counted from the press to the end, after the warm-up run.
    if (n === 1) observer.observe({ type: 'longtask' });
    const done = new Promise<number>((resolve) => {
      const watch = new MutationObserver(() => {
        if (root.dataset['sweep'] === 'done') {
          watch.disconnect();
          resolve(performance.now());
        }
      });
      watch.observe(root, { attributes: true, attributeFilter: ['data-sweep'] });
    });
    const start = performance.now();
    button.click();
    const end = await done;
    if (n === 0) continue;
    times.push(end - start);
    const match = /in (\d+) forward passes, \d+ ms; the longest batch took ([\d.]+) ms/.exec(status.textContent ?? '');
    if (match) {
      passes = Math.max(passes, Number(match[1]));
      batch = Math.max(batch, Number(match[2]));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  observer.disconnect();
  return { times, passes, batch, task: tasks.length ? Math.max(...tasks) : 0, over: tasks.length };
}

/** Runs in the page: scrolls the comparison widget into view (which starts it) and times its gradients and its SmoothGrad run. */
async function saliencyTiming(): Promise<{ gradients: number; smooth: number }> {
  const root = document.querySelector<HTMLElement>('#saliency-compare')!;
  const start = performance.now();
  root.scrollIntoView();
  const wait = (check: () => boolean) =>
    new Promise<number>((resolve) => {
      const tick = () => (check() ? resolve(performance.now() - start) : requestAnimationFrame(tick));
      tick();
    });
  const gradients = await wait(() => root.dataset['gradients'] === 'ready');
  const smooth = await wait(() => root.dataset['smooth'] === 'done');
  return { gradients, smooth };
}
