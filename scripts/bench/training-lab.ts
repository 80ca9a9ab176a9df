/**
 * The training lab (lesson "What augmentation buys"): training throughput of
 * the lab spec per backend (a flips+crops run, images/s from the third report
 * on), then the reader's budget on wasm through the widget itself: a baseline
 * run and a flips+crops run at the reference budget (12 epochs, seed 1),
 * their wall time together (target: at most 5 minutes), the effect they show
 * beside the reference table's, the longest main-thread task meanwhile and
 * the input delay of clicks made during training (Event Timing); then the
 * same page on a slower machine (the main thread throttled 4x).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',').filter(Boolean);
const STEPS: Record<string, number> = { wasm: 12, webgl: 4, cpu: 4 };
const LESSON = process.env['LAB_LESSON'] ?? '/lessons/what-augmentation-buys/';

interface Summary { table: { policy: string; figures: Record<string, { mean: number; delta: number | null }> }[] }

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = ['Training lab (objects-lab, batch 64, flips + crops): images/s per backend after two warm-up reports', 'requested  ran on   images/s'];
  for (const backend of BACKENDS) {
    await openLab(page, `${origin}${LESSON}?backend=${backend}`);
    const run = await page.evaluate(throughput, STEPS[backend] ?? 4);
    lines.push(`${backend.padEnd(10)} ${run.backend.padEnd(8)} ${run.rate.toFixed(1).padStart(8)}`);
  }
  lines.push('', ...(await readerBudget(page, origin)), '', ...(await slowMachine(page, origin)));
  return lines;
}

/**
 * A slower machine's view of the same page: a 3-epoch run on wasm with the page's main thread slowed 4x (Chromium's
 * CPU throttling), counting long tasks and long animation frames (script and rendering together) of 50 ms or more.
 */
async function slowMachine(page: Page, origin: string): Promise<string[]> {
  const lab = await openLab(page, `${origin}${LESSON}?backend=wasm`);
  await page.evaluate(() => {
    const w = window as unknown as { slow: { tasks: number[]; frames: number[] } };
    w.slow = { tasks: [], frames: [] };
    const training = () => document.querySelector<HTMLElement>('#training-lab')?.dataset['phase'] === 'running';
    for (const [type, list] of [['longtask', w.slow.tasks], ['long-animation-frame', w.slow.frames]] as const) {
      new PerformanceObserver((entries) => entries.getEntries().forEach((e) => training() && list.push(e.duration))).observe({ type });
    }
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await lab.locator('[data-policy]').selectOption('flips-crops');
  await lab.locator('[data-epochs]').selectOption('3');
  await lab.locator('[data-train]').click();
  await page.locator('#training-lab[data-phase="running"]').waitFor();
  await page.locator('#training-lab[data-phase="idle"]').waitFor({ timeout: 1_800_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const { tasks, frames } = await page.evaluate(() => (window as unknown as { slow: { tasks: number[]; frames: number[] } }).slow);
  const say = (values: number[]) => (values.length ? `${values.length}, the longest ${Math.max(...values).toFixed(0)} ms` : 'none');
  return [
    'The main thread slowed 4x (Chromium CPU throttling), 3 epochs of flips + crops on wasm through the widget',
    `long tasks of 50 ms or more: ${say(tasks)}; long animation frames (script and rendering) of 50 ms or more: ${say(frames)} (target: none over 50 ms)`,
  ];
}

/** The lesson at `url`, its lab scrolled into view and ready (the engine starts when a widget nears the viewport). */
async function openLab(page: Page, url: string) {
  await page.goto(url);
  const lab = page.locator('#training-lab');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('[data-widget-status]').filter({ hasText: 'Ready' }).waitFor({ timeout: 300_000 });
  return lab;
}

/** Runs in the page: a lab session stepped one batch per report, timed from its third report to its `steps`-th, then cancelled. */
async function throughput(steps: number) {
  const engine = await window.glassbox!.engine!;
  const points: [number, number][] = [];
  await new Promise<void>((resolve, reject) => {
    engine.start('bench-lab', 'trainingLab', { policy: 'flips-crops', seed: 1, epochs: 1 }, { reportEveryMs: 0 }, (report) => {
      const step = (report.progress as { step: number }).step;
      if (step >= 2) points.push([performance.now(), step]);
      if (step >= steps) void engine.cancel('bench-lab').then(resolve);
    }).catch((error: Error) => (error.message.includes('superseded') || points.length ? resolve() : reject(error)));
  });
  const [[t0, s0], [t1, s1]] = [points[0]!, points.at(-1)!];
  return { rate: ((s1 - s0) * 64 * 1000) / (t1 - t0), backend: engine.info.backend };
}

/** The reader's budget through the widget on wasm: baseline then flips+crops, 12 epochs each, with long tasks and click delays recorded. */
async function readerBudget(page: Page, origin: string): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number; longestAt: number; frames: { start: number; end: number; scripts: string[] }[]; delays: number[] };
    w.longest = 0;
    w.longestAt = 0;
    w.frames = [];
    w.delays = [];
    const training = () => document.querySelector<HTMLElement>('#training-lab')?.dataset['phase'] === 'running';
    // Long tasks while the lab trains (not while the page loads).
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      if (training() && e.duration > w.longest) [w.longest, w.longestAt] = [e.duration, e.startTime];
    })).observe({ type: 'longtask' });
    // Long animation frames, for what ran in the longest task: each script's entry point and time.
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      const frame = e as PerformanceEntry & { scripts: { invoker: string; duration: number; forcedStyleAndLayoutDuration: number }[] };
      const scripts = frame.scripts.map((s) => `${s.invoker} ${s.duration.toFixed(0)} ms${s.forcedStyleAndLayoutDuration ? ` (forced layout ${s.forcedStyleAndLayoutDuration.toFixed(0)} ms)` : ''}`);
      if (training()) w.frames.push({ start: e.startTime, end: e.startTime + e.duration, scripts });
    })).observe({ type: 'long-animation-frame' });
    // Input delay: from the click's timestamp to the moment the page first handles it.
    document.addEventListener('click', (event) => {
      if (training()) w.delays.push(performance.now() - event.timeStamp);
    }, { capture: true });
  });
  const lab = await openLab(page, `${origin}${LESSON}?backend=wasm`);
  const ends: Record<string, { seconds: number; pointing: number; heldOut: number; unseen: number }> = {};
  let clicks = 0;
  for (const policy of ['none', 'flips-crops']) {
    await lab.locator('[data-policy]').selectOption(policy);
    await lab.locator('[data-epochs]').selectOption('12');
    const start = Date.now();
    await lab.locator('[data-train]').click();
    await page.locator('#training-lab[data-phase="running"]').waitFor();
    let end = 0;
    const finished = page.locator('#training-lab[data-phase="idle"]').waitFor({ timeout: 1_800_000 }).then(() => (end = Date.now()));
    // Clicks during training: toggling the overlay of a finished run (a real redraw), every 10 s.
    while (!end) {
      const box = lab.locator('[data-runs] input[type="checkbox"]:not([disabled])').first();
      if (await box.count()) {
        await box.click();
        clicks++;
      }
      await Promise.race([finished, page.waitForTimeout(10_000)]);
    }
    // The readout of the last epoch (drawn just after the run ends).
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('#training-lab')!.dataset['last'] || '{}').epoch === 12);
    const last = JSON.parse((await lab.getAttribute('data-last'))!) as { pointing: number; heldOut: number; unseen: number };
    ends[policy] = { ...last, seconds: (end - start) / 1000 };
  }
  const { longest, scripts, delays } = await page.evaluate(() => {
    const w = window as unknown as { longest: number; longestAt: number; frames: { start: number; end: number; scripts: string[] }[]; delays: number[] };
    const frame = w.frames.find((f) => f.start <= w.longestAt + 1 && w.longestAt < f.end);
    return { longest: w.longest, scripts: frame?.scripts ?? [], delays: w.delays };
  });
  const table = JSON.parse(readFileSync('public/experiments/summary.json', 'utf8')) as Summary;
  const delta = (key: string) => table.table.find((r) => r.policy === 'flips-crops')!.figures[key]!.delta!;
  const pts = (v: number) => (100 * v).toFixed(1);
  const median = (values: number[]) => (values.length ? quantile(values, 0.5) : Number.NaN);
  const [none, aug] = [ends['none']!, ends['flips-crops']!];
  return [
    'The reader\'s budget on wasm, through the widget: 12 epochs of the baseline, then 12 of flips + crops (seed 1)',
    `wall time: baseline ${none.seconds.toFixed(0)} s + flips + crops ${aug.seconds.toFixed(0)} s = ${(none.seconds + aug.seconds).toFixed(0)} s (target: at most 300 s)`,
    `effect, flips + crops minus baseline: pointing game ${pts(aug.pointing - none.pointing)} points (reference table, 3 seeds: ${pts(delta('pointing'))}), held-out ${pts(aug.heldOut - none.heldOut)} (${pts(delta('heldOut'))}), unseen style ${pts(aug.unseen - none.unseen)} (${pts(delta('unseen'))})`,
    `longest main-thread task during both runs: ${longest === 0 ? 'none of 50 ms or more' : `${longest.toFixed(0)} ms`} (target: none over 50 ms)`,
    ...(longest > 0 ? [`  scripts in its animation frame: ${scripts.join('; ') || 'none (layout, paint or garbage collection)'}`] : []),
    `input delay of the ${clicks} clicks made during training (overlay a run): median ${median(delays).toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms`,
  ];
}
