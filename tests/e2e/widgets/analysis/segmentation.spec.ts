import { expect, test } from '../../fixtures.ts';
import { heldOutScene } from '../../reference/scenes.ts';
import { replaySegmenter } from './segmentation-reference.ts';

const LESSON = '/lessons/semantic-segmentation/';
const SLOW = { timeout: 120_000 };
const BACKGROUND = 10;

/** IoU per label (NaN where a label is in neither map) and the mean over the object classes present, computed here. */
function iouOf(predicted: number[], truth: number[]): { iou: number[]; mean: number } {
  const iou = Array.from({ length: BACKGROUND + 1 }, (_, k) => {
    const both = predicted.filter((l, p) => l === k && truth[p] === k).length;
    const either = predicted.filter((l, p) => l === k || truth[p] === k).length;
    return either ? both / either : NaN;
  });
  const present = iou.slice(0, BACKGROUND).filter((v) => !Number.isNaN(v));
  return { iou, mean: present.reduce((a, b) => a + b, 0) / present.length };
}

test('the explorer: the label map shown is a replay of objects-segmenter with raw ops, and its IoU a count of pixels', async ({ page, open }) => {
  await open(LESSON);
  const widget = page.locator('#segmentation-explorer');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);
  // The picker's first scene: held-out scene 0 with two objects.
  const scene = heldOutScene(0, 2);
  const shown = JSON.parse((await widget.getAttribute('data-labels'))!) as number[];
  const replayed = await replaySegmenter(page, scene.image, [16, 32, 64]);
  // Float differences between backends may flip a pixel where two labels tie to the last digit, no more.
  expect(shown.filter((l, p) => l !== replayed[p]).length).toBeLessThanOrEqual(2);
  const truth = Array<number>(64 * 64).fill(BACKGROUND);
  for (const object of scene.objects) object.mask.forEach((on, p) => on && (truth[p] = object.classIndex));
  const { iou, mean } = iouOf(shown, truth);
  expect(Number(await widget.getAttribute('data-mean-iou'))).toBeCloseTo(mean, 12);
  for (const [k, value] of iou.entries()) {
    const row = widget.locator(`tr[data-label="${k}"]`);
    if (Number.isNaN(value)) await expect(row).toHaveCount(0);
    else expect(Number(await row.getAttribute('data-iou'))).toBeCloseTo(value, 12);
  }
  // The segmenter finds the objects: well above what labelling everything background would give (0 for every class).
  expect(mean).toBeGreaterThan(0.5);

  // Showing only the wrong pixels repaints the prediction and nothing else.
  const pixels = (name: string) => widget.locator(`[data-map="${name}"]`).evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const [truthBefore, predictedBefore] = [await pixels('truth'), await pixels('predicted')];
  await widget.getByLabel('Only the pixels labelled wrong').check();
  expect(await pixels('predicted')).not.toBe(predictedBefore);
  expect(await pixels('truth')).toBe(truthBefore);
});
