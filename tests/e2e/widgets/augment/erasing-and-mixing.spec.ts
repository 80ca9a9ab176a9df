import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { cutBox, cutmix } from '../../../../src/engine/augment/mixing/cutmix.ts';
import { mixup } from '../../../../src/engine/augment/mixing/mixup.ts';
import { createRng } from '../../../../src/engine/shared/rng.ts';
import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/erasing-and-mixing/';
const SIZE = 64;

/** Sets the seed and alpha and waits until the widget has drawn the batch for them. */
async function draw(root: Locator, seed: number, alpha: number): Promise<void> {
  await root.locator('[data-alpha]').fill(String(alpha));
  await root.locator('[data-seed]').fill(String(seed));
  await root.locator('[data-seed]').dispatchEvent('change');
  await expect.poll(async () => JSON.parse((await root.getAttribute('data-drawn')) ?? '{}')).toMatchObject({ seed, alpha });
}

/** A tile's RGBA bytes, 64 x 64, as the canvas holds them. */
async function tilePixels(page: Page, key: string): Promise<number[]> {
  return page.locator(`#mixing-batch [data-tile="${key}"]`).evaluate((canvas: HTMLCanvasElement) => Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data));
}

/** The dashed box as drawn over the CutMix tile, in image pixels, read from the screen geometry. */
async function shownBox(root: Locator): Promise<[number, number, number, number]> {
  const tile = (await root.locator('[data-tile="cutmix-0"]').boundingBox())!;
  const box = (await root.locator('[data-cut-box="0"]').boundingBox())!;
  const px = (v: number, origin: number, extent: number) => Math.round(((v - origin) / extent) * SIZE);
  return [px(box.x, tile.x, tile.width), px(box.y, tile.y, tile.height), px(box.x + box.width, tile.x, tile.width), px(box.y + box.height, tile.y, tile.height)];
}

const panel = (root: Locator, key: string) => root.locator(`[data-soft="${key}"]`);
const numbers = async (locator: Locator, name: string) => JSON.parse((await locator.getAttribute(name))!) as number[];

test.describe('Erasing and mixing widget', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'mixing-batch');
  });

  test("CutMix's label weight is the area share of the box on screen, and the box holds the other image's pixels", async ({ page }) => {
    const root = page.locator('#mixing-batch');
    for (const [seed, alpha] of [[1, 1], [7, 0.5], [12, 2]] as const) {
      await draw(root, seed, alpha);
      const [x0, y0, x1, y1] = await shownBox(root);
      // The same box follows from the seed in this process, by the engine's own sampling code.
      expect([x0, y0, x1, y1]).toEqual(cutBox(cutmix.sample({ alpha }, createRng(seed)), SIZE));
      expect(x1 - x0).toBeGreaterThan(0);
      const share = ((x1 - x0) * (y1 - y0)) / (SIZE * SIZE);
      const cut = panel(root, 'cutmix');
      expect(Number(await cut.locator('[data-weight="1"]').innerText())).toBeCloseTo(share, 4);
      expect(Number(await cut.locator('[data-weight="0"]').innerText())).toBeCloseTo(1 - share, 4);
      const [classA, classB] = (await root.getAttribute('data-classes'))!.split(',').map(Number);
      const label = await numbers(cut, 'data-label');
      expect(label[classB!]).toBeCloseTo(classA === classB ? 1 : share, 6);
      expect(label.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);

      const [mixed, a, b] = await Promise.all(['cutmix-0', 'input-0', 'input-1'].map((key) => tilePixels(page, key)));
      let wrong = 0;
      let differs = 0;
      for (let y = 0; y < SIZE; y++) {
        for (let x = 0; x < SIZE; x++) {
          const inside = x >= x0 && x < x1 && y >= y0 && y < y1;
          for (let ch = 0; ch < 3; ch++) {
            const i = (y * SIZE + x) * 4 + ch;
            if (mixed[i] !== (inside ? b : a)[i]) wrong++;
            if (inside && a[i] !== b[i]) differs++;
          }
        }
      }
      expect(wrong, `seed ${seed}: pixels not from the image the box says`).toBe(0);
      expect(differs, 'the two inputs differ inside the box, so the check can fail').toBeGreaterThan(0);
    }
  });

  test("Mixup's label is the convex combination, its pixels the same blend, and every loss equals -sum y log p of the shown numbers", async ({ page }) => {
    const root = page.locator('#mixing-batch');
    for (const [seed, alpha] of [[3, 1], [9, 0.3]] as const) {
      await draw(root, seed, alpha);
      const lambda = Number(await root.getAttribute('data-lambda'));
      expect(lambda).toBeCloseTo(mixup.sample({ alpha }, createRng(seed)).lambda, 12);
      const [classA, classB] = (await root.getAttribute('data-classes'))!.split(',').map(Number);
      const expected = new Array<number>(10).fill(0);
      expected[classA!] += lambda;
      expected[classB!] += 1 - lambda;
      const mix = panel(root, 'mixup');
      const label = await numbers(mix, 'data-label');
      label.forEach((v, k) => expect(v, `class ${k}`).toBeCloseTo(expected[k]!, 6));
      expect(Number(await mix.locator('[data-weight="0"]').innerText())).toBeCloseTo(lambda, 4);

      const [mixed, a, b] = await Promise.all(['mixup-0', 'input-0', 'input-1'].map((key) => tilePixels(page, key)));
      // Each byte is the blend of the two floats, rounded once: within one level of the blend of the two rounded bytes.
      const gap = Math.max(...mixed.map((v, i) => (i % 4 === 3 ? 0 : Math.abs(v - (lambda * a[i]! + (1 - lambda) * b[i]!)))));
      expect(gap).toBeLessThanOrEqual(1.01);

      for (const key of ['mixup', 'cutmix']) {
        const y = await numbers(panel(root, key), 'data-label');
        const p = await numbers(panel(root, key), 'data-probabilities');
        expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
        const loss = -y.reduce((s, yk, k) => s + (yk > 0 ? yk * Math.log(p[k]!) : 0), 0);
        const shown = Number(await panel(root, key).getAttribute('data-loss'));
        expect(Math.abs(shown - loss) / loss, key).toBeLessThan(1e-4);
        expect(Number(await panel(root, key).locator('[data-loss-value]').innerText())).toBeCloseTo(loss, 2);
      }
    }
  });

  test('the same seed redraws the same batch after a reload, and the page passes axe', async ({ page }) => {
    const root = page.locator('#mixing-batch');
    await draw(root, 5, 0.7);
    const before = await Promise.all(['cutout-0', 'hide-1', 'mixup-1', 'cutmix-1'].map((key) => tilePixels(page, key)));
    await page.reload();
    await ready(page, 'mixing-batch');
    await expect.poll(async () => JSON.parse((await root.getAttribute('data-drawn')) ?? '{}')).toMatchObject({ seed: 5, alpha: 0.7 });
    const after = await Promise.all(['cutout-0', 'hide-1', 'mixup-1', 'cutmix-1'].map((key) => tilePixels(page, key)));
    expect(after).toEqual(before);
    const results = await new AxeBuilder({ page }).include('#mixing-batch').analyze();
    expect(results.violations).toEqual([]);
  });
});
