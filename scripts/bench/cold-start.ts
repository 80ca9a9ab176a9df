/**
 * Cold start: navigation -> a widget's first result on screen (its data-ready),
 * with an empty cache each time (a fresh browser context), opening the lesson
 * at the widget's anchor so it is in view from the start; the median of 5 loads,
 * on the backend the book chooses itself. Target: <= 1.2 s here.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LOADS = Number(process.env['BENCH_COLD_LOADS'] ?? 5);
const CASES = [
  { path: '/lessons/convolution-pooling-activation/', widget: 'conv-explorer' },
  { path: '/lessons/cam-and-grad-cam/', widget: 'cam-builder' },
  { path: '/lessons/cam-and-grad-cam/', widget: 'grad-cam-explorer' },
  { path: '/lessons/occlusion-and-saliency/', widget: 'occlusion-explorer' },
];

export async function bench(opener: Page, origin: string): Promise<string[]> {
  const lines = [`Cold start: navigation -> first result of the widget, empty cache, median / min / max of ${LOADS} loads (target <= 1.2 s)`];
  const browser = opener.context().browser()!;
  for (const { path, widget } of CASES) {
    const times: number[] = [];
    let used = '?';
    for (let n = 0; n < LOADS; n++) {
      const context = await browser.newContext();
      // Stamps the moment each widget first says it is ready, so waiting on it from here adds nothing.
      await context.addInitScript(() => {
        const w = window as unknown as { readyAt: Record<string, number> };
        w.readyAt = {};
        new MutationObserver((records) => {
          for (const { target } of records) {
            const el = target as HTMLElement;
            if (el.dataset['ready'] === 'true') w.readyAt[el.id] ??= performance.now();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      const page = await context.newPage();
      await page.goto(`${origin}${path}#${widget}`);
      const root = page.locator(`#${widget}[data-ready="true"]`);
      await root.waitFor({ timeout: 120_000 });
      // Navigation start is the page's time origin.
      times.push(await page.evaluate((id) => (window as unknown as { readyAt: Record<string, number> }).readyAt[id]!, widget));
      used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
      await context.close();
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    lines.push(`${`${path}#${widget}`.padEnd(58)} ${used.padEnd(6)} ${s(quantile(times, 0.5))} / ${s(Math.min(...times))} / ${s(Math.max(...times))}`);
  }
  return lines;
}
