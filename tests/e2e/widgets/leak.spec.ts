import { LESSON, expect, ready, tensorCount, test } from '../fixtures.ts';

test('200 widget interactions leave no tensor behind', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'conv-explorer');
  await ready(page, 'relu-pool');
  const baseline = await tensorCount(page);
  const weight = page.locator('#conv-explorer [data-kernel-weight]').first();
  const stride = page.locator('#conv-explorer [data-stride]');
  const pool = page.locator('#relu-pool [data-pool-size]');
  for (let n = 0; n < 200; n++) {
    if (n % 10 === 0) await stride.selectOption(String(1 + (n % 3)));
    else if (n % 10 === 5) await pool.selectOption(String(2 + (n % 3)));
    else await weight.fill(String(n % 7));
  }
  // Let the last jobs finish: the last weight typed must show in the read-out's kernel.
  await expect(page.locator('#conv-explorer [data-widget-status]')).toContainText('Computed');
  await expect.poll(() => page.evaluate(() => window.glassbox!.busy())).toBe(0);
  expect(await tensorCount(page)).toBe(baseline);
});
