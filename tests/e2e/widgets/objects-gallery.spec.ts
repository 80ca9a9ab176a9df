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
