import { expect, ready, test } from '../fixtures.ts';

const PAGE = '/data-and-models/';

test('the gallery generates scenes in the browser, reproducibly, with their masks', async ({ page, open }) => {
  await open(PAGE);
  await ready(page, 'objects-gallery');
  const gallery = page.locator('#objects-gallery');
  const tiles = gallery.locator('[data-grid] canvas');
  await expect(tiles).toHaveCount(10);
  const first = () => tiles.first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const withMasks = await first();
  // Three objects of different classes per image by default.
  const labels = await gallery.locator('[data-grid] figcaption').first().innerText();
  expect(new Set(labels.trim().split(/\s+/)).size).toBe(3);
  // Turning the outlines off changes the pixels; turning them back gives the same image again.
  await gallery.getByLabel('Mask outlines').uncheck();
  expect(await first()).not.toBe(withMasks);
  await gallery.getByLabel('Mask outlines').check();
  expect(await first()).toBe(withMasks);
  // A new seed gives new images; the old seed gives back exactly the old ones.
  await gallery.getByRole('button', { name: 'New samples' }).click();
  await expect.poll(first).not.toBe(withMasks);
  await gallery.getByLabel('Seed').fill('1');
  await gallery.getByLabel('Seed').dispatchEvent('change');
  await expect.poll(first).toBe(withMasks);
});

test("the model table shows each card's figures as percentages, with the course's pointing tolerance", async ({ page, open }) => {
  await open(PAGE);
  const card = await (await page.request.get('/models/objects-cnn/card.json')).json();
  const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
  const table = page.locator('#models ~ .scroll table').first();
  const headers = await table.locator('thead th').allInnerTexts();
  expect(headers).toContain(`Pointing game, within ${card.metrics.pointingTolerancePx} px`);
  const row = table.locator('tbody tr', { has: page.locator('code', { hasText: /^objects-cnn$/ }) });
  const cells = await row.locator('td').allInnerTexts();
  const at = (header: string) => cells[headers.indexOf(header) - 1];
  expect(at('Pointing game, exact mask')).toBe(percent(card.metrics.pointingGame));
  expect(at(`Pointing game, within ${card.metrics.pointingTolerancePx} px`)).toBe(percent(card.metrics.pointingGameTolerant));
  expect(at('Held-out accuracy (images)')).toBe(`${percent(card.metrics.heldOutAccuracy)} (2,000)`);
  // No count or pixel figure is shown as a percentage.
  for (const text of await table.locator('td').allInnerTexts()) {
    for (const [, value] of text.matchAll(/([\d.]+)%/g)) expect(Number(value)).toBeLessThanOrEqual(100);
  }
  const byClass = page.locator('#pointing-by-class tbody tr', { has: page.locator('code', { hasText: /^objects-cnn$/ }) });
  await expect(byClass.locator('td').first()).toHaveText(percent(card.metrics.pointingGameByClass.cat));
});
