/** Embedding analysis: embedding the held-out set, a neighbour query, and t-SNE of 2,000 points (first layout, longest main-thread task). */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/embedding-features/';
const QUERIES = 25;
const RESTARTS = 5;

interface Window {
  longTasks: { start: number; duration: number }[];
}

export async function bench(page: Page, origin: string): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as unknown as Window;
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}${LESSON}?backend=wasm`);
  const explorer = page.locator('#neighbour-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await page.locator('#neighbour-explorer[data-ready="true"]').waitFor({ timeout: 600_000 });
  const backend = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
  const setMs = Number(await explorer.getAttribute('data-set-ms'));
  const embedMs = Number(await explorer.getAttribute('data-embed-ms'));
  await page.locator('#neighbour-explorer[data-batch-ready="true"]').waitFor({ timeout: 600_000 });

  // Neighbour queries, one at a time, through the widget: the feature space, then the pixel space.
  const queryMs: number[] = [];
  const featureMs: number[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const index = String((q * 79 + 11) % 2000);
    await explorer.locator('[data-query]').fill(index);
    await explorer.locator('[data-query]').dispatchEvent('change');
    await page.locator(`#neighbour-explorer[data-query="${index}"]`).waitFor();
    queryMs.push(Number(await explorer.getAttribute('data-query-ms')));
    featureMs.push(Number(await explorer.getAttribute('data-feature-ms')));
  }

  // t-SNE of all 2,000 embeddings: the first run in full, watching for long tasks, then restarts for the first layout.
  const map = page.locator('#embedding-map');
  await map.scrollIntoViewIfNeeded();
  await page.locator('#embedding-map[data-ready="true"]').waitFor({ timeout: 600_000 });
  const mark = await page.evaluate(() => performance.now());
  await map.locator('[data-restart]').click();
  await page.locator('#embedding-map[data-tsne-done="true"]').waitFor({ timeout: 600_000 });
  const first = [Number(await map.getAttribute('data-first-layout-ms'))];
  const runMs = Number(await map.getAttribute('data-run-ms'));
  const knn = Number(await map.getAttribute('data-knn'));
  const longest = await page.evaluate((from) => {
    const tasks = (window as unknown as Window).longTasks.filter((t) => t.start >= from);
    return { max: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
  }, mark);
  for (let r = 1; r < RESTARTS; r++) {
    await map.locator('[data-restart]').click();
    await page.locator('#embedding-map[data-first-layout-ms]').waitFor();
    first.push(Number(await map.getAttribute('data-first-layout-ms')));
    await map.locator('[data-run]').click();
  }
  const f = (x: number) => x.toFixed(1).padStart(8);
  return [
    `Embeddings (2,000 held-out images, ${backend}; target: neighbour query within a frame, 16.7 ms; t-SNE first layout <= 1 s, no task > 50 ms)`,
    `generate + embed 2,000 images     ${f(setMs)} ms   (of which objects-cnn forward passes ${embedMs.toFixed(1)} ms)`,
    `neighbour query, features (64-d)   median ${f(quantile(featureMs, 0.5))} ms   p95 ${f(quantile(featureMs, 0.95))} ms   (${QUERIES} queries, with readback)`,
    `  + pixels (12,288-d), both rows    median ${f(quantile(queryMs, 0.5))} ms   p95 ${f(quantile(queryMs, 0.95))} ms`,
    `t-SNE first layout                 median ${f(quantile(first, 0.5))} ms   p95 ${f(quantile(first, 0.95))} ms   (${RESTARTS} starts)`,
    `t-SNE full run (1,000 iterations)  ${f(runMs)} ms; longest main-thread task ${longest.max.toFixed(0)} ms (${longest.count} tasks > 50 ms); 5-NN accuracy ${knn.toFixed(3)}`,
  ];
}
