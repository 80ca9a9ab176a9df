/**
 * The longest main-thread task during every heavy widget run, per backend
 * (target: none over 50 ms on any backend). Each run starts on a page that
 * has loaded and settled, so the page's own first layout is not counted;
 * the Long Tasks API reports only tasks of 50 ms or more, so "none" means
 * every task was shorter.
 */
import type { Page } from '@playwright/test';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',');

/** base64url JSON, as WidgetStore links encode a widget's state. */
const link = (state: object) => Buffer.from(JSON.stringify(state)).toString('base64url');

interface HeavyRun {
  label: string;
  path: string;
  widget: string;
  /** A control to click once the widget is ready; without one, scrolling the widget into view starts the run. */
  click?: string;
  /** Attribute selector (on the widget) that holds once the run is over. */
  done: string;
}

const RUNS: HeavyRun[] = [
  { label: 'occlusion map (225 positions)', path: '/lessons/occlusion-and-saliency/', widget: 'occlusion-explorer', click: '[data-sweep]', done: '[data-sweep="done"]' },
  { label: 'gradients + SmoothGrad (n = 25)', path: '/lessons/occlusion-and-saliency/', widget: 'saliency-compare', done: '[data-smooth="done"]' },
  { label: 'deletion + insertion curves', path: '/lessons/trusting-heatmaps/', widget: 'deletion-insertion', done: '[data-ready="true"]' },
  { label: 'method table (10 scenes)', path: '/lessons/trusting-heatmaps/?trust-batch=10', widget: 'method-table', done: '[data-ready="true"]' },
  { label: 'sanity check (randomised layers)', path: '/lessons/trusting-heatmaps/', widget: 'sanity-check', done: '[data-ready="true"]' },
  {
    label: 'top patches: scan 500 images (conv_3)',
    path: `/lessons/maximally-activating-patches/?state.top-patches=${link({ widget: 'top-patches', params: { layer: 'conv_3', channel: 0, k: 9, images: 500, pick: 0 }, seed: 0 })}`,
    widget: 'top-patches',
    done: '[data-ready="true"]',
  },
  { label: 'embed 2,000 images + neighbours', path: '/lessons/embedding-features/', widget: 'neighbour-explorer', done: '[data-batch-ready="true"]' },
  {
    label: 'class visualization, 100 steps',
    path: `/lessons/class-visualization/?state.class-viz-ascent=${link({ widget: 'class-viz-ascent', class: 6, params: { lambda: 0.1, steps: 100 }, seed: 1 })}`,
    widget: 'class-viz-ascent',
    done: '[data-step="100"][data-running="false"]',
  },
  { label: 'GAN dissection (block1, 200 samples)', path: '/lessons/gan-dissection/', widget: 'gan-dissection', done: '[data-units]' },
];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    'Longest main-thread task (ms) during each heavy widget run, from its start to its end, per backend (target: none over 50 ms;',
    '"none" = no task of 50 ms or more). Run time in brackets, from the start to the end, on a loaded page.',
    `${'run'.padEnd(40)} ${BACKENDS.map((b) => b.padStart(22)).join('')}`,
  ];
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cells = new Map<string, string[]>();
  for (const backend of BACKENDS) {
    for (const run of RUNS) {
      const row = cells.get(run.label) ?? [];
      row.push(await measure(page, origin, backend, run));
      cells.set(run.label, row);
    }
  }
  for (const run of RUNS) lines.push(`${run.label.padEnd(40)} ${cells.get(run.label)!.map((c) => c.padStart(22)).join('')}`);
  return lines;
}

/** One run on one backend: "longest (run time)", or why it could not be measured. */
async function measure(page: Page, origin: string, backend: string, run: HeavyRun): Promise<string> {
  const join = run.path.includes('?') ? '&' : '?';
  await page.goto(`${origin}${run.path}${join}backend=${backend}`, { waitUntil: 'load' });
  // Let the page's own first layout and the engine's start finish before the run.
  await page.waitForTimeout(1500);
  const widget = page.locator(`#${run.widget}`);
  try {
    let from: number;
    if (run.click) {
      await widget.scrollIntoViewIfNeeded();
      await page.locator(`#${run.widget}[data-ready="true"]`).waitFor({ timeout: 300_000 });
      await page.waitForTimeout(500);
      from = await page.evaluate(() => performance.now());
      await widget.locator(run.click).click();
    } else {
      from = await page.evaluate(() => performance.now());
      await widget.scrollIntoViewIfNeeded();
    }
    await page.locator(`#${run.widget}${run.done}`).waitFor({ timeout: 600_000 });
    const { longest, to } = await page.evaluate((from) => {
      const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from);
      return { longest: Math.max(0, ...tasks.map((t) => t.duration)), to: performance.now() };
    }, from);
    const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    const ran = used === backend ? '' : ` on ${used}`;
    return `${longest === 0 ? 'none' : longest.toFixed(0)} (${((to - from) / 1000).toFixed(1)} s${ran})`;
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]!.slice(0, 30)}`;
  }
}
