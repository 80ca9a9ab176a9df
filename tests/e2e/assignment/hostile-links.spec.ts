import { expect, test } from '../fixtures.ts';
import { hostileLinks } from './hostile-links.ts';

test.skip(({ backend }) => backend !== 'wasm', 'links are read before any computing; the widgets they set up are checked on wasm and cpu in assignment.spec');

const CHUNKS = 4;
// The parts run side by side on CI's two workers.
test.describe.configure({ mode: 'parallel' });

for (let chunk = 0; chunk < CHUNKS; chunk += 1) {
  test(`hostile assignment links, part ${chunk + 1} of ${CHUNKS}: a notice and the empty view, or the assignment with its refused values replaced; no script runs and no widget is left dead`, async ({ page }) => {
    test.setTimeout(240_000);
    const links = await hostileLinks(7);
    expect(links.length).toBeGreaterThanOrEqual(500);
    const mine = links.filter((_, k) => k % CHUNKS === chunk);
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const link of mine) {
      await page.goto(`/assignment/?${link.query}&backend=wasm`);
      const view = page.locator('[data-assignment-view]');
      await expect(view, link.what).not.toHaveAttribute('data-state', 'loading');
      if (link.expect === 'refused') {
        await expect(view, link.what).toHaveAttribute('data-state', 'empty');
        // Refused whole (the link cannot be read) or item by item (nothing it names is in the book): either way, said.
        await expect(page.locator('[data-notices]'), link.what).toContainText(/This assignment link could not be read|None of the exercises this link names is in the book/);
        await expect(page.locator('.empty')).toBeVisible();
      } else {
        await expect(view, link.what).toHaveAttribute('data-state', 'ready');
        await expect(page.locator('#exercise-occlusion-positions'), link.what).toBeVisible();
        const widget = page.locator('#occlusion-explorer');
        if ((await widget.count()) > 0) {
          await widget.scrollIntoViewIfNeeded();
          await expect(widget, `${link.what}: the widget computes`).toHaveAttribute('data-ready', 'true');
        }
      }
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), link.what).toBeUndefined();
      expect(errors, link.what).toEqual([]);
    }
  });
}
