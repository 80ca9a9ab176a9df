import { expect, ready, test } from '../../fixtures.ts';
import { heldOutScenes } from '../../reference/scenes.ts';
import { referencePeaks } from './trust-reference.ts';

test("the appendix's CAM gallery marks the same hits as an independent CAM", async ({ page, open }) => {
  await open('/data-and-models/');
  await ready(page, 'cam-gallery');
  const verdicts = await page.locator('#cam-gallery [data-hit]').evaluateAll((figures) => figures.map((f) => ((f as HTMLElement).dataset['hit'] === 'true' ? 1 : 0)));
  // Scenes 0-3 of the card's pointing-game split: 2, 3, 2, 3 objects.
  expect(verdicts).toHaveLength(10);
  const reference = await referencePeaks(page, heldOutScenes(4), 0);
  expect(verdicts).toEqual(reference.map(([, , hit]) => hit));
});
