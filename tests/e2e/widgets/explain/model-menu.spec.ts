import type { Locator, Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { composeScene } from '../../../../src/engine/data/compose.ts';
import { encodeState } from '../../../../src/engine/shared/state.ts';
import { START_LAYOUT } from '../../../../src/engine/shared/widget-params/explain.ts';
import { expect, ready, test } from '../../fixtures.ts';
import { heldOutScene, heldOutScenes } from '../../reference/scenes.ts';
import { referenceGradients, referenceSoftmax, relativeGap } from './cam-reference.ts';
import { referencePeaks } from './trust-reference.ts';

/**
 * The menu is the same on every backend, and each widget's numbers on cpu and
 * webgl are checked by its own spec: these run on wasm only (on cpu and webgl
 * they took 4 minutes of CI for no check the wasm run does not make).
 */
test.skip(({ backend }) => backend !== 'wasm', 'the model menu is checked on wasm');

/** The experiment's two shipped lab models: the same spec and seed, with and without flips + crops. */
const AUGMENTED = 'objects-lab-flips-crops';
const BASELINE = 'objects-lab';

/** Chooses `model` in a widget's menu and waits until the widget has computed with it. */
async function choose(root: Locator, model: string): Promise<void> {
  await root.locator('[data-model-menu]').selectOption(model);
  await expect(root).toHaveAttribute('data-model', model, { timeout: 60_000 });
  await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
}

test.describe('the model menu of the CAM lesson', () => {
  test.beforeEach(async ({ open }) => {
    await open('/lessons/cam-and-grad-cam/');
  });

  test('the Grad-CAM explorer explains the augmented and the baseline lab model differently, each as recomputed independently', async ({ page }) => {
    await ready(page, 'grad-cam-explorer');
    const root = page.locator('#grad-cam-explorer');
    const menu = root.locator('[data-model-menu]');
    // Shipped objects models first; the saved-runs group says there are none yet; no Fashion-MNIST model.
    expect(await menu.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['objects-cnn', 'objects-cnn-b', AUGMENTED, BASELINE, '']);
    await expect(menu.locator('optgroup[label="Your saved runs (training lab)"] option')).toHaveText('none saved in this browser yet');
    const image = heldOutScene(0, 2).image;
    const heatmap = () => root.locator('[data-map="grad-cam"] [data-map-canvas]').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const seen: Record<string, { alphas: number[]; heatmap: string }> = {};
    for (const model of [AUGMENTED, BASELINE]) {
      await choose(root, model);
      const layer = (await root.getAttribute('data-layer'))!;
      const classIndex = Number(await root.getAttribute('data-class-index'));
      const alphas = JSON.parse((await root.getAttribute('data-alphas'))!) as number[];
      const reference = await referenceGradients(page, { image, classIndex, layer, model });
      // The lab spec has half objects-cnn's channels: the layer menu follows the model.
      expect(alphas).toHaveLength(32);
      expect(relativeGap(alphas, reference.alphas), model).toBeLessThan(1e-3);
      seen[model] = { alphas, heatmap: await heatmap() };
    }
    expect(seen[AUGMENTED]!.heatmap).not.toBe(seen[BASELINE]!.heatmap);
    expect(relativeGap(seen[AUGMENTED]!.alphas, seen[BASELINE]!.alphas)).toBeGreaterThan(0.1);
    // The choice is part of the widget's state: a reload keeps it.
    await page.reload();
    await ready(page, 'grad-cam-explorer');
    await expect(root).toHaveAttribute('data-model', BASELINE);
  });

  test('a link naming a saved run this browser does not have says so and explains objects-cnn', async ({ page, open }) => {
    const state = encodeState({ widget: 'grad-cam-explorer', model: 'run:gone', params: {}, seed: 1 });
    await open('/lessons/cam-and-grad-cam/', `state.grad-cam-explorer=${state}`);
    await ready(page, 'grad-cam-explorer');
    const root = page.locator('#grad-cam-explorer');
    await expect(root.locator('[data-widget-notice]')).toContainText('model: "run:gone" is not a run saved in this browser');
    await expect(root.locator('[data-model-menu]')).toHaveValue('objects-cnn');
    await expect(root).toHaveAttribute('data-model', 'objects-cnn');
  });

  test("the scene composer asks the chosen model: p(class) is that model's softmax", async ({ page }) => {
    await ready(page, 'scene-composer');
    const root = page.locator('#scene-composer');
    const objects = Array.from({ length: START_LAYOUT.length / 4 }, (_, i) => START_LAYOUT.slice(4 * i, 4 * i + 4));
    const scene = composeScene(loadAtlas(), { background: 3, objects: objects.map(([classIndex, cx, cy, longest]) => ({ classIndex: classIndex!, cx: cx!, cy: cy!, longest: longest! })) });
    const asked = Number(await root.getAttribute('data-asked'));
    const shown: Record<string, number> = {};
    for (const model of ['objects-cnn', AUGMENTED, BASELINE]) {
      if (model !== 'objects-cnn') await choose(root, model);
      shown[model] = Number(await root.getAttribute('data-probability'));
      const reference = await referenceSoftmax(page, model, Array.from(scene.image));
      expect(shown[model], model).toBeCloseTo(reference[asked]!, 4);
    }
    expect(new Set(Object.values(shown)).size).toBe(3);
  });
});

test.describe('the method table', () => {
  test.describe.configure({ timeout: 300_000 });

  async function trials(page: Page, method: string): Promise<number[][]> {
    return JSON.parse((await page.locator(`#method-table tr[data-method="${method}"]`).getAttribute('data-trials'))!) as number[][];
  }

  test("measures the chosen model: its CAM peaks are the baseline lab model's, recomputed independently", async ({ page, open }) => {
    const batch = 2;
    await open('/lessons/trusting-heatmaps/', `trust-batch=${batch}`);
    const root = page.locator('#method-table');
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 180_000 });
    const before = await trials(page, 'cam');
    await choose(root, BASELINE);
    await expect(root.locator('[data-caption]')).toHaveAttribute('data-scenes', String(batch));
    const reference = await referencePeaks(page, heldOutScenes(batch), 2, BASELINE);
    const after = await trials(page, 'cam');
    expect(after.map(([, , hit, row, col]) => [row, col, hit])).toEqual(reference);
    expect(after).not.toEqual(before);
  });
});
