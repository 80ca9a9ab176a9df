import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { encodeState } from '../../../../src/engine/shared/state.ts';
import { expect, ready, tensorCount, test } from '../../fixtures.ts';
import { installReplay } from '../../reference/replay.ts';

const LESSON = '/lessons/class-visualization/';
const ID = 'class-viz-ascent';
const BANANA = 6;

/** Opens the lesson with the ascent widget linked to class c, lambda and a short run of `steps`. */
async function openAscent(page: Page, open: (path: string, query?: string) => Promise<void>, lambda: number, steps: number): Promise<Locator> {
  const state = encodeState({ widget: ID, class: BANANA, params: { lambda, steps }, seed: 1 });
  await open(LESSON, `state.${ID}=${state}`);
  await ready(page, ID);
  return page.locator(`#${ID}`);
}

/** Waits until the ascent has stopped at `step`. */
async function finished(root: Locator, step: number): Promise<void> {
  await expect(root).toHaveAttribute('data-step', String(step), { timeout: 45_000 });
  await expect(root).toHaveAttribute('data-running', 'false');
}

const shown = async (root: Locator, name: string) => Number(await root.locator(`[data-out="${name}"]`).getAttribute('data-value'));

/** The canvas read back: [64 * 64 * 3] in [0, 1], exactly as drawn. */
const drawnPixels = (root: Locator) =>
  root.locator('[data-image]').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return Array.from({ length: (data.length / 4) * 3 }, (_, k) => data[4 * Math.floor(k / 3) + (k % 3)]! / 255);
  });

test.describe('Class visualization: gradient ascent', () => {
  test('a larger lambda gives a smaller image after the same steps from the same seed', async ({ page, open }) => {
    const steps = 8;
    const root = await openAscent(page, open, 0, steps);
    await finished(root, steps);
    const free = await shown(root, 'norm');
    expect(await shown(root, 'penalty')).toBe(0);

    // Moving the slider starts again from the same seeded noise; Start climbs the same number of steps.
    await root.locator('[data-lambda]').fill('0.3');
    await finished(root, 0);
    await root.locator('[data-toggle]').click();
    await finished(root, steps);
    const penalised = await shown(root, 'norm');
    expect(penalised).toBeGreaterThan(0);
    expect(penalised).toBeLessThan(free);
    // The penalty read-out is lambda ||I||^2 of the same image.
    expect(await shown(root, 'penalty')).toBeCloseTo(0.3 * penalised ** 2, 3);
  });

  test('the S_c shown is the logit of the image drawn, recomputed independently', async ({ page, open }) => {
    const root = await openAscent(page, open, 0.1, 6);
    await finished(root, 6);
    const score = await shown(root, 'score');
    // Read the canvas back (8-bit, exactly as drawn) and replay objects-cnn from its weight file.
    const pixels = await drawnPixels(root);
    await installReplay(page);
    const logit = await page.evaluate(async ({ image, c }) => {
      const replay = await window.glassboxReplay!('objects-cnn');
      const y = replay.tf.tidy(() => replay.run(replay.tf.tensor4d(image, [1, 64, 64, 3])).slice([0, c], [1, 1]));
      const [value] = await y.data();
      y.dispose();
      replay.dispose();
      return value!;
    }, { image: pixels, c: BANANA });
    expect(Math.abs(score - logit)).toBeLessThan(1e-3 * Math.max(1, Math.abs(logit)));
  });

  test('pause stops the step counter and leaves no tensors behind', async ({ page, open }) => {
    const root = await openAscent(page, open, 0.1, 1000);
    await expect.poll(async () => Number(await root.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(2);
    await root.locator('[data-toggle]').click();
    await expect(root).toHaveAttribute('data-running', 'false');
    // The pause job reads the frame where the ascent stopped; give it that one frame, then the counter must hold.
    await page.waitForTimeout(300);
    const paused = await root.getAttribute('data-step');
    const tensors = await tensorCount(page);
    await page.waitForTimeout(800);
    expect(await root.getAttribute('data-step')).toBe(paused);
    expect(await tensorCount(page)).toBe(tensors);
    // Start resumes from the same image, not from a fresh start.
    await root.locator('[data-toggle]').click();
    await expect.poll(async () => Number(await root.getAttribute('data-step'))).toBeGreaterThan(Number(paused));
  });

  test('has no accessibility violations', async ({ page, open }) => {
    await openAscent(page, open, 0.1, 4);
    const results = await new AxeBuilder({ page }).include(`#${ID}`).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('Class visualization: regularisers', () => {
  test("objects-cnn-b's verdict is its prediction for the image drawn, recomputed independently", async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'class-viz-regularizers');
    const root = page.locator('#class-viz-regularizers');
    await root.locator('[data-toggle]').click();
    await expect.poll(async () => Number(await root.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(0);
    await root.locator('[data-toggle]').click();
    await expect(root).toHaveAttribute('data-running', 'false');
    await page.waitForTimeout(500);
    const verdict = root.locator('[data-out="verdict"]');
    const shownClass = Number(await verdict.getAttribute('data-class-index'));
    const shownPercent = Number((await verdict.locator('strong').textContent())!.match(/([\d.]+)%/)![1]);
    const pixels = await drawnPixels(root);
    await installReplay(page);
    const probs = await page.evaluate(async (image) => {
      const replay = await window.glassboxReplay!('objects-cnn-b');
      const p = replay.tf.tidy(() => replay.tf.softmax(replay.run(replay.tf.tensor4d(image, [1, 64, 64, 3]))));
      const values = Array.from(await p.data());
      p.dispose();
      replay.dispose();
      return values;
    }, pixels);
    const top = probs.indexOf(Math.max(...probs));
    expect(shownClass).toBe(top);
    expect(Math.abs(shownPercent - probs[top]! * 100)).toBeLessThan(0.06);
  });
});
