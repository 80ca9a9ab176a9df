import { pageThreadTasks } from '../../page-thread-tasks.ts';
import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/occlusion-and-saliency/';

test.describe.configure({ timeout: 240_000 });

/**
 * The whole occlusion map runs in the engine's worker: the page's thread only
 * draws the progress, so no task on it works for 50 ms (the Long Tasks API's
 * threshold), even on the cpu backend, where one batch of the sweep takes
 * hundreds of milliseconds. The tasks are read from a trace in the thread's
 * own CPU time, so a busy machine that delays the thread is not counted as
 * work the page did.
 */
test('the whole map never holds the page: no long task while the sweep runs', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'occlusion-explorer');
  const widget = page.locator('#occlusion-explorer');
  expect(await page.evaluate(async () => (await window.glassbox!.engine!).thread)).toBe('worker');
  const longTasks = await pageThreadTasks(page, async () => {
    await widget.locator('[data-sweep]').click();
    await expect(widget).toHaveAttribute('data-sweep', 'done', { timeout: 200_000 });
  });
  const status = (await widget.locator('[data-widget-status]').textContent())!;
  // The sweep did real work: its longest batch in the worker, as the widget reports it.
  const longestBatch = Number(/longest batch took ([\d.]+) ms/.exec(status)![1]);
  expect(longestBatch).toBeGreaterThan(0);
  expect(longTasks, `tasks of 50 ms or more on the page's thread while batches of up to ${longestBatch} ms ran in the worker`).toEqual([]);
});
