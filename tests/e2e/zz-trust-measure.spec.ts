import { test, expect } from '@playwright/test';
test('measure', async ({ page }) => {
  test.setTimeout(120000);
  const state = Buffer.from(JSON.stringify({ widget: 'top-patches', params: { layer: 'conv_2', channel: 5, k: 9, images: 250, pick: 0 }, seed: 0 })).toString('base64url');
  const t0 = Date.now();
  await page.goto(`/lessons/maximally-activating-patches/?backend=${process.env.TRUST_BACKEND}&state.top-patches=${state}`);
  const w = page.locator('#top-patches');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', 'true', { timeout: 100000 });
  console.log('ready after', Date.now() - t0, 'ms;', await w.locator('[data-widget-status]').innerText(), await page.locator('[data-backend-badge]').innerText());
});
