import { expect, ready, test } from '../../fixtures.ts';
import { heldOutScenes } from '../../reference/scenes.ts';
import { referencePeaks } from './trust-reference.ts';

test("the appendix's CAM gallery marks the same hits as an independent CAM", async ({ page, open }) => {
  await open('/data-and-models/');
  await ready(page, 'cam-gallery');
  const verdicts = await page
    .locator('#cam-gallery [data-hit]')
    .evaluateAll((figures) => figures.map((f) => ((f as HTMLElement).dataset['hit'] === 'true' ? 1 : 0)));
  // Scenes 0-3 of the card's pointing-game split: 2, 3, 2, 3 objects.
  expect(verdicts).toHaveLength(10);
  const reference = await referencePeaks(page, heldOutScenes(4), 0);
  expect(verdicts).toEqual(reference.map(([, , hit]) => hit));
});

test('a thumbnail opens large in a dialog with the same pixels and label, and Esc gives focus back', async ({ page, open }) => {
  await open('/data-and-models/');
  await ready(page, 'cam-gallery');
  const thumbnail = page.locator('#cam-gallery button.enlarge').nth(1);
  const label = await thumbnail.locator('canvas').getAttribute('aria-label');
  expect(label).toMatch(/^CAM for “\w+”: (hit|miss)$/);
  await thumbnail.click();
  const dialog = page.locator('dialog.enlarged');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('figcaption')).toHaveText(label!);
  const pixels = (selector: string) =>
    page.locator(selector).evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
    });
  const [source, copy] = [await pixels('#cam-gallery button.enlarge >> nth=1 >> canvas'), await pixels('dialog.enlarged canvas')];
  expect(copy.length).toBeGreaterThan(0);
  expect(copy).toEqual(source);
  // Shown larger than the thumbnail.
  const [small, large] = [await thumbnail.boundingBox(), await dialog.locator('canvas').boundingBox()];
  expect(large!.width).toBeGreaterThan(1.5 * small!.width);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(thumbnail).toBeFocused();
});
