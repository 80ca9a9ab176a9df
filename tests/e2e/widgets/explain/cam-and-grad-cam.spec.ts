import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { composeScene } from '../../../../src/engine/data/compose.ts';
import { expect, ready, tensorCount, test } from '../../fixtures.ts';
import { heldOutScene } from '../../reference/scenes.ts';
import { referenceGradients, relativeGap } from './cam-reference.ts';

const LESSON = '/lessons/cam-and-grad-cam/';
const atlas = loadAtlas();
/** The scene every ScenePicker starts on: held-out two-object scene no. 0. */
const firstScene = heldOutScene(0, 2);

async function shownAlphas(page: Page): Promise<number[]> {
  return JSON.parse((await page.locator('#grad-cam-explorer').getAttribute('data-alphas'))!) as number[];
}

test.describe('Grad-CAM explorer', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'grad-cam-explorer');
  });

  test('the alphas shown are the spatial means of gradients computed independently', async ({ page }) => {
    const root = page.locator('#grad-cam-explorer');
    const layerSelect = root.locator('[data-layer]');
    const layers = await layerSelect.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    // Types come from the model: the menu names each layer's class.
    await expect(layerSelect.locator('option', { hasText: 'Conv2D' }).first()).toBeAttached();
    for (const layer of [layers.at(-1)!, layers.at(-2)!, layers[0]!]) {
      const before = await root.getAttribute('data-alphas');
      await layerSelect.selectOption(layer);
      await expect(root).toHaveAttribute('data-layer', layer);
      if (layer !== layers.at(-1)) await expect.poll(() => root.getAttribute('data-alphas')).not.toBe(before);
      const classIndex = Number(await root.getAttribute('data-class-index'));
      const reference = await referenceGradients(page, { image: firstScene.image, classIndex, layer });
      const alphas = await shownAlphas(page);
      expect(relativeGap(alphas, reference.alphas), `layer ${layer}`).toBeLessThan(1e-3);
      // The printed numbers are the same alphas: the top bar shows the largest one.
      const top = root.locator('[data-alphas-chart] .bar').first();
      const printed = Number((await top.locator('.value').innerText()).replace('−', '-'));
      expect(printed).toBeCloseTo(Math.max(...reference.alphas), 3);
    }
  });

  test('CAM and Grad-CAM agree at the pooled layer, and Z alpha = w', async ({ page }) => {
    const root = page.locator('#grad-cam-explorer');
    const line = root.locator('[data-agreement]');
    for (const classIndex of [firstScene.objects[0]!.classIndex, 7]) {
      await root.locator('[data-class]').selectOption(String(classIndex));
      await expect(root).toHaveAttribute('data-details', new RegExp(`:${classIndex}$`));
      expect(Number(await line.getAttribute('data-map-gap'))).toBeLessThan(1e-4);
      expect(Number(await line.getAttribute('data-weight-gap'))).toBeLessThan(1e-4);
      const pooled = (await root.locator('[data-layer] option').last().getAttribute('value'))!;
      await root.locator('[data-layer]').selectOption(pooled);
      const reference = await referenceGradients(page, { image: firstScene.image, classIndex, layer: pooled });
      expect(Number(await line.getAttribute('data-z'))).toBe(reference.z);
      const alphas = await shownAlphas(page);
      expect(relativeGap(alphas.map((a) => a * reference.z), reference.denseColumn)).toBeLessThan(1e-3);
    }
  });
});

test('the CAM builder adds up to the logit computed independently', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'cam-builder');
  const root = page.locator('#cam-builder');
  const score = root.locator('[data-score]');
  const classIndex = Number(await root.locator('[data-class]').inputValue());
  const reference = await referenceGradients(page, { image: firstScene.image, classIndex, layer: (await root.getAttribute('data-layer'))! });
  const read = async (name: string) => Number(await score.getAttribute(`data-${name}`));
  expect(await read('logit')).toBeCloseTo(reference.logit, 3);
  expect((await read('all')) + (await read('bias'))).toBeCloseTo(reference.logit, 3);
  expect(await read('partial')).toBeCloseTo(await read('all'), 4);
  // One channel: the partial sum is the largest share alone.
  const first = root.locator('[data-channels] li').first();
  await root.locator('[data-summed]').fill('1');
  await expect(root.locator('[data-summed-label]')).toHaveText(/^1 of/);
  const share = Number(await first.getAttribute('data-contribution'));
  expect(await read('partial')).toBeCloseTo(share, 5);
  expect(Number((await first.innerText()).match(/wF = (\S+)/)![1]!.replace('−', '-'))).toBeCloseTo(share, 2);
  await expect(root.locator('[data-channels] li[data-in-sum="true"]')).toHaveCount(1);
});

test.describe('scene composer', () => {
  const layout = { background: 3, objects: [{ classIndex: 0, cx: 18, cy: 19, longest: 26 }, { classIndex: 4, cx: 45, cy: 45, longest: 26 }] };
  const scene = composeScene(atlas, layout);

  test('each method points at the object it is asked about (pointing game on a known layout)', async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'scene-composer');
    const root = page.locator('#scene-composer');
    for (const [name, classIndex] of [['cat', 0], ['car', 4]] as const) {
      await root.getByRole('button', { name: `Where is the ${name}?` }).click();
      await expect(root).toHaveAttribute('data-asked', String(classIndex));
      for (const method of ['cam', 'grad-cam', 'grad-cam-plus-plus']) {
        const figure = root.locator(`[data-map="${method}"]`);
        const [row, col] = (await figure.getAttribute('data-peak'))!.split(',').map(Number);
        // Pointing game with the book's 2 px tolerance, measured here on the exact masks of the composed scene.
        let distance = Infinity;
        scene.objects.forEach((o) => o.classIndex === classIndex && o.mask.forEach((m, p) => {
          if (m) distance = Math.min(distance, Math.hypot(Math.floor(p / 64) - row!, (p % 64) - col!));
        }));
        expect(distance, `${method} for the ${name}: peak (${row}, ${col})`).toBeLessThanOrEqual(2);
        await expect(figure).toHaveAttribute('data-hit', 'true');
      }
    }
  });

  test('objects move with the keyboard and can be added and removed, without leaking tensors', async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'scene-composer');
    const root = page.locator('#scene-composer');
    const stage = root.locator('[data-stage]');
    const pixels = () => stage.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const before = await pixels();
    const list = root.locator('[data-objects]');
    await expect(list).toContainText('cat at (18, 19)');
    await root.getByRole('button', { name: 'cat at (18, 19)' }).click();
    await expect(stage).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(list).toContainText('cat at (19, 23)');
    await expect.poll(pixels).not.toBe(before);
    // Drag the car with the pointer, from its centre pixel to the pixel (32, 12).
    const box = (await stage.boundingBox())!;
    const at = (x: number, y: number) => [box.x + (x / 64) * box.width, box.y + (y / 64) * box.height] as const;
    await page.mouse.move(...at(45.5, 45.5));
    await page.mouse.down();
    await page.mouse.move(...at(38.5, 30.5), { steps: 4 });
    await page.mouse.move(...at(32.5, 12.5), { steps: 4 });
    await page.mouse.up();
    await expect(list).toContainText('car at (32, 12)');
    await root.locator('[data-add-class]').selectOption('7');
    await root.getByRole('button', { name: 'Add object' }).click();
    await expect(root.getByRole('button', { name: 'Where is the tree?' })).toBeVisible();
    await expect(root.getByRole('button', { name: 'Add object' })).toBeDisabled();
    await root.getByRole('button', { name: 'Where is the tree?' }).click();
    await expect(root).toHaveAttribute('data-asked', '7');
    const count = await tensorCount(page);
    await root.getByRole('button', { name: 'Remove the tree' }).click();
    await expect(root.getByRole('button', { name: 'Where is the tree?' })).toHaveCount(0);
    await expect(root).toHaveAttribute('data-asked', '0');
    await expect.poll(() => tensorCount(page)).toBe(count);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the lesson with its widgets computed has no serious accessibility violations (${scheme})`, async ({ page, open }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(LESSON);
    for (const id of ['cam-builder', 'grad-cam-explorer', 'scene-composer']) await ready(page, id);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
