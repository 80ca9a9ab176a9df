import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/occlusion-and-saliency/';

test.describe.configure({ timeout: 240_000 });

/**
 * The whole occlusion map runs in the engine's worker: the page's thread only
 * draws the progress, so no task on it reaches the 50 ms the Long Tasks API
 * reports, even on the cpu backend, where one batch of the sweep takes
 * hundreds of milliseconds.
 */
test('the whole map never holds the page: no long task while the sweep runs', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'occlusion-explorer');
  const widget = page.locator('#occlusion-explorer');
  expect(await page.evaluate(async () => (await window.glassbox!.engine!).thread)).toBe('worker');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await widget.locator('[data-sweep]').click();
  await expect(widget).toHaveAttribute('data-sweep', 'done', { timeout: 200_000 });
  const status = (await widget.locator('[data-widget-status]').textContent())!;
  // The sweep did real work: its longest batch in the worker, as the widget reports it.
  const longestBatch = Number(/longest batch took ([\d.]+) ms/.exec(status)![1]);
  expect(longestBatch).toBeGreaterThan(0);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(longTasks, `long tasks on the page's thread (ms) while batches of up to ${longestBatch} ms ran in the worker`).toEqual([]);
});
