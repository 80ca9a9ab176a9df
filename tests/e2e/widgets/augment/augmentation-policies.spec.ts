import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { drawAutoAugment } from '../../../../src/engine/augment/policies/auto-augment.ts';
import type { DrawnOperation } from '../../../../src/engine/augment/policies/operations.ts';
import { drawRandAugment } from '../../../../src/engine/augment/policies/rand-augment.ts';
import { drawTrivialAugment } from '../../../../src/engine/augment/policies/trivial-augment.ts';
import { createRng, deriveSeed } from '../../../../src/engine/shared/rng.ts';
import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/augmentation-policies/';

test.skip(({ backend }) => backend === 'cpu', 'the policy grid computes in plain JavaScript, no tensors: a second backend runs the same code');
const TILES = 16;

interface Shown {
  plans: unknown[];
  captions: string[];
  /** Each tile's RGBA bytes as one character per byte: exact, and quick to carry out of the page. */
  pixels: string[];
}

/** Sets the controls and waits until the grid drawn is the one they ask for. */
async function choose(root: Locator, settings: { policy?: string; n?: number; m?: number; seed: number }): Promise<void> {
  if (settings.policy) await root.locator('[data-policy]').selectOption(settings.policy);
  if (settings.n !== undefined) await root.locator('[data-n]').fill(String(settings.n));
  if (settings.m !== undefined) await root.locator('[data-m]').fill(String(settings.m));
  await root.locator('[data-seed]').fill(String(settings.seed));
  await root.locator('[data-seed]').dispatchEvent('change');
  await expect.poll(async () => JSON.parse((await root.getAttribute('data-drawn')) ?? '{}')).toMatchObject(settings);
}

/** Every tile's plan (as the widget stores it), its caption and its canvas's pixels. */
async function shown(page: Page): Promise<Shown> {
  const tiles = page.locator('#policy-grid [data-grid] > li');
  await expect(tiles).toHaveCount(TILES);
  return tiles.evaluateAll((items) => ({
    plans: items.map((li) => JSON.parse((li as HTMLElement).dataset['plan']!)),
    captions: items.map((li) => li.querySelector('figcaption')!.textContent!),
    pixels: items.map((li) => {
      const canvas = li.querySelector('canvas')!;
      const bytes = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let text = '';
      for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode(...bytes.subarray(i, i + 4096));
      return text;
    }),
  }));
}

/** The operations and bins of the sixteen draws, made here with the engine's policy code and the widget's seeds. */
function independentDraws(policy: string, n: number, m: number, seed: number): DrawnOperation[][] {
  return Array.from({ length: TILES }, (_, k) => {
    const rng = createRng(deriveSeed(seed, k));
    return policy === 'rand-augment' ? drawRandAugment({ n, m }, rng) : policy === 'trivial-augment' ? drawTrivialAugment(rng) : drawAutoAugment(rng).drawn;
  });
}

test.describe('Augmentation policy grid', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'policy-grid');
  });

  test('the same seed gives the same grid after a reload, another seed another grid', async ({ page }) => {
    const root = page.locator('#policy-grid');
    await choose(root, { policy: 'rand-augment', n: 3, m: 14, seed: 21 });
    const first = await shown(page);
    await page.reload();
    await ready(page, 'policy-grid');
    await expect.poll(async () => JSON.parse((await root.getAttribute('data-drawn')) ?? '{}')).toMatchObject({ n: 3, m: 14, seed: 21 });
    const again = await shown(page);
    expect(again.plans).toEqual(first.plans);
    expect(again.captions).toEqual(first.captions);
    expect(again.pixels).toEqual(first.pixels);

    await choose(root, { seed: 22 });
    const other = await shown(page);
    expect(other.plans).not.toEqual(first.plans);
    expect(first.pixels[0]!.length).toBe(128 * 128 * 4);
    const changed = other.pixels.filter((tile, k) => tile !== first.pixels[k]).length;
    expect(changed).toBeGreaterThan(TILES / 2);
  });

  test('the plans shown are the draws of the policy code run here with the same seeds', async ({ page }) => {
    const root = page.locator('#policy-grid');
    for (const settings of [
      { policy: 'rand-augment', n: 2, m: 9, seed: 5 },
      { policy: 'rand-augment', n: 4, m: 27, seed: 77 },
      { policy: 'trivial-augment', seed: 5 },
      { policy: 'auto-augment', seed: 8 },
    ]) {
      await choose(root, settings);
      const { plans, captions } = await shown(page);
      const expected = independentDraws(settings.policy, settings.n ?? 0, settings.m ?? 0, settings.seed);
      expect(plans, JSON.stringify(settings)).toEqual(expected);
      // Each caption lists the drawn operations by name, one line each.
      captions.forEach((caption, k) => {
        for (const { operation } of expected[k]!) expect(caption).toContain(operation);
      });
      if (settings.policy === 'rand-augment') expect(plans.every((p) => (p as unknown[]).length === settings.n)).toBe(true);
    }
  });

  test("the search-space figure is AutoAugment's (16 x 10 x 11)^10, and the page passes axe", async ({ page }) => {
    const line = page.locator('#policy-grid [data-space]');
    await expect(line).toHaveAttribute('data-auto-augment-log10', /\d/);
    const log10 = Number(await line.getAttribute('data-auto-augment-log10'));
    expect(log10).toBeCloseTo(10 * Math.log10(16 * 10 * 11), 10);
    await expect(line).toContainText('1032.5');
    const results = await new AxeBuilder({ page }).include('#policy-grid').analyze();
    expect(results.violations).toEqual([]);
  });
});
