/**
 * Maximally activating patches: time to scan the held-out set through a layer (the engine's scanLayer
 * session: making the images, then the forward passes), the longest main-thread task while it ran (target <= 50 ms),
 * and the latency of a channel change once the set is scanned.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const LESSON = '/lessons/maximally-activating-patches/';
const RUNS: [layer: string, images: number][] = [['conv_3', 500], ['last_relu', 1000]];
const CHANNEL_CHANGES = 15;

declare global {
  interface Window {
    patchBench?: { longest: number; gap: number; ticking: boolean };
  }
}

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    'Maximally activating patches on wasm: scanning held-out images (generated in the engine) through a layer, then top-9',
    'layer       images  scan ms  images/s  longest task ms  max timer gap ms  channel change p50 / p95 ms',
  ];
  await page.addInitScript(() => {
    const bench: NonNullable<Window['patchBench']> = (window.patchBench = { longest: 0, gap: 0, ticking: false });
    // Counts only from the moment the widget starts scanning (after the engine, model and atlas have loaded).
    let since = Infinity;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= since) bench.longest = Math.max(bench.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const root = document.getElementById('top-patches');
      if (since !== Infinity || root?.dataset['scanning'] !== 'true') return;
      since = performance.now();
      // Timer ticks while the scan runs: the largest gap bounds the longest task from above, even below the 50 ms the longtask API reports.
      bench.ticking = true;
      let last = since;
      const tick = () => {
        const now = performance.now();
        bench.gap = Math.max(bench.gap, now - last);
        last = now;
        if (bench.ticking) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scanning'] });
  });
  for (const [layer, images] of RUNS) {
    const state = Buffer.from(JSON.stringify({ widget: 'top-patches', params: { layer, channel: 0, k: 9, images, pick: 0 }, seed: 0 })).toString('base64url');
    await page.goto(`${origin}${LESSON}?backend=wasm&state.top-patches=${state}`);
    await page.locator('#top-patches').scrollIntoViewIfNeeded();
    await page.locator('#top-patches[data-ready="true"]').waitFor({ timeout: 600_000 });
    const measured = await page.evaluate(() => {
      const bench = window.patchBench!;
      bench.ticking = false;
      return { longest: bench.longest, gap: bench.gap };
    });
    const status = await page.locator('#top-patches [data-widget-status]').innerText();
    const used = status.match(/on (\w+)/)?.[1] ?? '?';
    const scanMs = Number(status.match(/in ([\d.]+) ms/)?.[1] ?? NaN);
    const changes = await page.evaluate(channelChanges, CHANNEL_CHANGES);
    lines.push(
      `${layer.padEnd(11)} ${String(images).padStart(6)} ${scanMs.toFixed(0).padStart(8)} ${((images * 1000) / scanMs).toFixed(0).padStart(9)} ${measured.longest.toFixed(0).padStart(16)} ${measured.gap.toFixed(1).padStart(17)} ${quantile(changes, 0.5).toFixed(1).padStart(14)} / ${quantile(changes, 0.95).toFixed(1)}` +
        (used === 'wasm' ? '' : `  (ran on ${used})`),
    );
  }
  lines.push('longest task: longtask API (reports only tasks over 50 ms; 0 = none). Timer gap: largest pause between 0 ms timer ticks, including the ~4 ms clamp.');
  return lines;
}

/** Clicks "next channel" `runs` times; each time, ms from the click to the new patches being in the page. */
async function channelChanges(runs: number): Promise<number[]> {
  const root = document.getElementById('top-patches')!;
  const next = root.querySelector<HTMLButtonElement>('[data-channel-next]')!;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = root.dataset['channel'];
    const start = performance.now();
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.dataset['channel'] !== before) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-channel'] });
    });
    next.click();
    await done;
    times.push(performance.now() - start);
  }
  return times;
}
