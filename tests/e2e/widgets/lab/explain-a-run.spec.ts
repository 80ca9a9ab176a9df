import { heldOutScene } from '../../reference/scenes.ts';
import { expect, ready, test } from '../../fixtures.ts';
import { referenceGradients, relativeGap } from '../explain/cam-reference.ts';
import { openLab } from './lab-page.ts';

/** Training runs on wasm only (the reference runs trained on wasm in Node). */
test.skip(({ backend }) => backend !== 'wasm', 'training is checked on wasm');
test.describe.configure({ timeout: 300_000 });

/** A one-epoch baseline run, seed 1: the name the lab keeps it under, and the shipped model of the same spec and seed after 12 epochs. */
const RUN = 'run:none-s1-e1';
const SHIPPED = 'objects-lab';

test('a run trained in the lab is explained by the Grad-CAM explorer from its saved weights, and differently from the shipped baseline', async ({ page, open }) => {
  const lab = await openLab(page, open);
  await lab.locator('[data-policy]').selectOption('none');
  await lab.locator('[data-epochs]').selectOption('1');
  await lab.locator('[data-train]').click();
  await expect(lab.locator('[data-widget-status]')).toContainText('saved in this browser as', { timeout: 240_000 });

  await open('/lessons/cam-and-grad-cam/');
  await ready(page, 'grad-cam-explorer');
  const root = page.locator('#grad-cam-explorer');
  const menu = root.locator('[data-model-menu]');
  await expect(menu.locator('optgroup[label="Your saved runs (training lab)"] option')).toHaveText(['Lab: No augmentation (baseline), seed 1, 1 epoch (saved run run:none-s1-e1)']);
  const heatmap = () => root.locator('[data-map="grad-cam"] [data-map-canvas]').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const image = heldOutScene(0, 2).image;
  const shown: Record<string, { alphas: number[]; heatmap: string }> = {};
  for (const model of [SHIPPED, RUN]) {
    await menu.selectOption(model);
    await expect(root).toHaveAttribute('data-model', model, { timeout: 60_000 });
    await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
    const alphas = JSON.parse((await root.getAttribute('data-alphas'))!) as number[];
    const reference = await referenceGradients(page, { image, model, classIndex: Number(await root.getAttribute('data-class-index')), layer: (await root.getAttribute('data-layer'))! });
    // The widget's alphas are the replay's, from the weights as saved (IndexedDB for the run).
    expect(relativeGap(alphas, reference.alphas), model).toBeLessThan(1e-3);
    shown[model] = { alphas, heatmap: await heatmap() };
  }
  expect(shown[RUN]!.alphas).toHaveLength(32);
  expect(shown[RUN]!.heatmap).not.toBe(shown[SHIPPED]!.heatmap);
  expect(relativeGap(shown[RUN]!.alphas, shown[SHIPPED]!.alphas)).toBeGreaterThan(0.1);
});
