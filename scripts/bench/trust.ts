/** Trusting heatmaps: time to finish each widget's measurement, forward-pass throughput, and the longest main-thread block. */
import type { Page } from '@playwright/test';

const LESSON = '/lessons/trusting-heatmaps/';
const BATCH = Number(process.env['BENCH_TRUST_BATCH'] ?? 10);
const BACKENDS = ['wasm', 'webgl', 'cpu'];
/** Forward passes of one deletion + insertion run: two curves of 33 points (the widget's 32 steps). */
const CURVE_PASSES = 66;

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `Trusting heatmaps: widget run times (table on ${BATCH} held-out scenes) and the longest main-thread task while they ran`,
    'requested  ran on   curves ms  passes/s  table ms  ms/scene  sanity ms  longest task ms',
  ];
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  for (const backend of BACKENDS) {
    await page.goto(`${origin}${LESSON}?backend=${backend}&trust-batch=${BATCH}`);
    const times: number[] = [];
    for (const id of ['deletion-insertion', 'method-table', 'sanity-check']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}[data-ready="true"]`).waitFor({ timeout: 600_000 });
      const status = (await page.locator(`#${id} [data-widget-status]`).innerText()).match(/in ([\d.]+) ms/);
      times.push(Number(status?.[1] ?? NaN));
    }
    const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    const [curves, table, sanity] = times as [number, number, number];
    lines.push(
      `${backend.padEnd(10)} ${used.padEnd(7)} ${curves.toFixed(0).padStart(10)} ${((CURVE_PASSES * 1000) / curves).toFixed(0).padStart(9)} ${table.toFixed(0).padStart(9)} ${(table / BATCH).toFixed(0).padStart(9)} ${sanity.toFixed(0).padStart(10)} ${longest.toFixed(0).padStart(16)}`,
    );
  }
  lines.push('curves ms includes computing the Grad-CAM map; passes/s counts forward passes of 64x64 images.');
  return lines;
}
