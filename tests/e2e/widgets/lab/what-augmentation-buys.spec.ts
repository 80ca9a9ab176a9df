import AxeBuilder from '@axe-core/playwright';
import { LAB_POLICY_MENU, LAB_POLICY_NAMES, LAB_REFERENCE } from '../../../../src/engine/shared/lab-policies.ts';
import { expect, test } from '../../fixtures.ts';

const LESSON = '/lessons/what-augmentation-buys/';
const FIGURES = ['heldOut', 'unseen', 'pointing', 'pointingTolerant'] as const;
type Point = Record<(typeof FIGURES)[number], number>;

/** "12.3" with a true minus sign, as the book prints numbers. */
const points = (fraction: number) => (100 * fraction).toFixed(1).replace(/^-(0\.0)$/, '$1').replace('-', '\u2212');

test.describe('What augmentation buys', () => {
  test('every cell is the mean ± sample sd over the served per-seed runs, with its change from the baseline', async ({ page, open, request }) => {
    // The per-seed reference runs as the site serves them, not summary.json, which the table is built from.
    const last: Record<string, Point[]> = {};
    for (const policy of LAB_POLICY_NAMES) {
      last[policy] = await Promise.all(LAB_REFERENCE.seeds.map(async (seed) => {
        const response = await request.get(`/experiments/${policy}/seed-${seed}.json`);
        expect(response.ok()).toBe(true);
        return ((await response.json()) as { curves: Point[] }).curves.at(-1)!;
      }));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

    await open(LESSON);
    const table = page.locator('#experiment-table');
    await table.scrollIntoViewIfNeeded();
    await expect(table.locator('tbody tr')).toHaveCount(LAB_POLICY_NAMES.length);
    for (const policy of LAB_POLICY_NAMES) {
      const row = table.locator(`tr[data-policy="${policy}"]`);
      await expect(row.locator('th')).toHaveText(LAB_POLICY_MENU[policy].label);
      for (const key of FIGURES) {
        const values = last[policy]!.map((p) => p[key]);
        const cell = row.locator(`td[data-figure="${key}"]`);
        await expect(cell.locator('[data-mean-sd]')).toHaveText(`${points(mean(values))} ± ${points(sd(values))}`);
        if (policy === 'none') {
          await expect(cell.locator('[data-delta]')).toHaveCount(0);
          continue;
        }
        const delta = mean(values) - mean(last['none']!.map((p) => p[key]));
        const shown = points(delta);
        await expect(cell.locator('[data-delta]')).toHaveText(shown === '0.0' ? '±0.0' : delta > 0 ? `+${shown}` : shown);
      }
    }
    // The caption states the protocol the cells were measured under.
    const caption = table.locator('figcaption');
    await expect(caption).toContainText(`${LAB_REFERENCE.epochs} epochs`);
    await expect(caption).toContainText('npm run train -- <policy> --seed N');
  });

  test('the table is accessible and scrolls on its own at 375 px', async ({ page, open }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(LESSON);
    const region = page.getByRole('region', { name: /What augmentation buys, measured/ });
    await region.scrollIntoViewIfNeeded();
    // A table wider than the phone scrolls inside its region, which itself fits the screen.
    const box = (await region.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const results = await new AxeBuilder({ page }).include('#experiment-table').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  for (const [width, scheme] of [[1280, 'light'], [375, 'dark']] as const) {
    test(`the lesson's prose, equations, exercises and table pass axe at ${width} px (${scheme})`, async ({ page, open }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(LESSON);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      // The Training lab has its own tests; this one covers what the lesson itself adds.
      const results = await new AxeBuilder({ page }).include('main').exclude('#training-lab').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
