/**
 * Class visualization, on wasm: gradient-ascent steps per second for objects-cnn (64x64) with no regulariser and
 * with the defaults (target >= 50 steps/s), the longest task while stepping (target <= 50 ms), the latency of
 * Pause (target <= 100 ms), and the gallery's recognisability, k of 10 by objects-cnn-b, with each verdict.
 * Measured through the widgets, frames and read-backs included, as a reader gets them.
 */
import type { Locator, Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/class-visualization/';
const PAUSES = Number(process.env['BENCH_RUNS'] ?? 10);

/** base64url JSON, as WidgetStore links encode a widget's state. */
const link = (state: object) => Buffer.from(JSON.stringify(state)).toString('base64url');

/** Installs a recorder of [time, step] for a widget's data-step, and of every long task. */
async function record(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { steps: [number, number][]; longTasks: number[] };
    w.steps = [];
    w.longTasks = [];
    const root = document.getElementById(id)!;
    new MutationObserver(() => w.steps.push([performance.now(), Number(root.dataset['step'])])).observe(root, { attributeFilter: ['data-step'] });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  }, id);
}

/** Clicks Start and waits for step `until`; steps/s from the first to the last frame, and the longest task meanwhile. */
async function stepRate(page: Page, root: Locator, id: string, until: number): Promise<{ rate: number; longest: number; over: number }> {
  await record(page, id);
  await root.locator('[data-toggle]').click();
  await page.locator(`#${id}[data-step="${until}"][data-running="false"]`).waitFor({ timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as unknown as { steps: [number, number][]; longTasks: number[] };
    const moving = w.steps.filter(([, s]) => s > 0);
    const [t0, s0] = moving[0]!;
    const [t1, s1] = moving.at(-1)!;
    return { rate: ((s1 - s0) / (t1 - t0)) * 1000, longest: Math.max(0, ...w.longTasks), over: w.longTasks.filter((d) => d > 50).length };
  });
}

async function ready(root: Locator): Promise<void> {
  await root.scrollIntoViewIfNeeded();
  await root.and(root.page().locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
}

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = ['Class visualization (wasm): gradient ascent on objects-cnn, 64x64, through the widgets (frames and read-backs included)'];

  // Bare equation, no regulariser: widget A linked to 300 steps.
  const a = link({ widget: 'class-viz-ascent', class: 6, params: { lambda: 0.1, steps: 300 }, seed: 1 });
  await page.goto(`${origin}${LESSON}?backend=wasm&state.class-viz-ascent=${a}`);
  const ascent = page.locator('#class-viz-ascent');
  await ready(ascent);
  await page.locator('#class-viz-ascent[data-step="300"][data-running="false"]').waitFor({ timeout: 120_000 });
  await ascent.locator('[data-reset]').click();
  const bare = await stepRate(page, ascent, 'class-viz-ascent', 300);
  lines.push(`  no regulariser (pixels, plain ascent):        ${bare.rate.toFixed(0).padStart(4)} steps/s (target >= 50); longest task ${bare.longest.toFixed(0)} ms, ${bare.over} over 50 ms`);

  // Pause latency: click Pause mid-run; latency = until the last frame of the stopped ascent (its final read included).
  const latencies: number[] = [];
  for (let i = 0; i < PAUSES; i++) {
    await ascent.locator('[data-reset]').click();
    await page.locator('#class-viz-ascent[data-step="0"][data-running="false"]').waitFor();
    await ascent.locator('[data-toggle]').click();
    await page.waitForTimeout(400);
    latencies.push(
      await page.evaluate(async () => {
        const root = document.getElementById('class-viz-ascent')!;
        let last = performance.now();
        const observer = new MutationObserver(() => (last = performance.now()));
        observer.observe(root, { attributeFilter: ['data-step'] });
        const clicked = performance.now();
        root.querySelector<HTMLButtonElement>('[data-toggle]')!.click();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        observer.disconnect();
        return last - clicked;
      }),
    );
  }
  lines.push(`  Pause -> ascent stopped and frame shown:     median ${quantile(latencies, 0.5).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${PAUSES} (target <= 100 ms)`);

  // Default regularisers: widget B, 200 steps, each frame also judged by objects-cnn-b.
  const regularizers = page.locator('#class-viz-regularizers');
  await ready(regularizers);
  const full = await stepRate(page, regularizers, 'class-viz-regularizers', 200);
  lines.push(`  default regularisers (Fourier, jitter, robustness, + judge): ${full.rate.toFixed(0).padStart(4)} steps/s (target >= 50); longest task ${full.longest.toFixed(0)} ms, ${full.over} over 50 ms`);

  // Recognisability: the gallery, made live, judged by objects-cnn-b.
  await page.goto(`${origin}${LESSON}?backend=wasm`);
  const gallery = page.locator('#class-viz-gallery');
  const start = Date.now();
  await gallery.scrollIntoViewIfNeeded();
  await gallery.locator('[data-count][data-judged="10"]').waitFor({ timeout: 300_000 });
  const seconds = (Date.now() - start) / 1000;
  const count = await gallery.locator('[data-count]').getAttribute('data-recognised');
  lines.push(`  gallery: ${count} of 10 recognised by objects-cnn-b (made in ${seconds.toFixed(1)} s):`);
  for (const tile of await gallery.locator('[data-tile]').all()) {
    const [name, judge] = await Promise.all([tile.locator('.name').textContent(), tile.locator('[data-judge]').textContent()]);
    lines.push(`    ${name!.padEnd(7)} ${judge}`);
  }
  return lines;
}
