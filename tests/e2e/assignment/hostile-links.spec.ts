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
      // The view reads the link as soon as its script runs: no need to wait for the load event.
      await page.goto(`/assignment/?${link.query}&backend=wasm`, { waitUntil: 'commit' });
      await page.waitForSelector('[data-assignment-view]:not([data-state="loading"])');
      const seen = await page.evaluate(() => ({
        state: document.querySelector<HTMLElement>('[data-assignment-view]')!.dataset['state'],
        notices: document.querySelector('[data-notices]')!.textContent ?? '',
        empty: document.querySelector<HTMLElement>('.empty')!.offsetParent !== null,
        title: document.querySelector('h1')!.textContent,
        pwned: (window as { __pwned?: unknown }).__pwned,
      }));
      if (link.expect === 'refused') {
        expect(seen.state, link.what).toBe('empty');
        // Refused whole (the link cannot be read) or item by item (nothing it names is in the book): either way, said.
        expect(seen.notices, link.what).toMatch(/This assignment link could not be read|None of the exercises this link names is in the book/);
        expect(seen.empty, link.what).toBe(true);
      } else {
        expect(seen.state, link.what).toBe('ready');
        await expect(page.locator('#exercise-occlusion-positions'), link.what).toBeVisible();
        const widget = page.locator('#occlusion-explorer');
        await widget.scrollIntoViewIfNeeded();
        await expect(widget, `${link.what}: the widget computes`).toHaveAttribute('data-ready', 'true');
      }
      expect(seen.pwned, link.what).toBeUndefined();
      expect(errors, link.what).toEqual([]);
    }
  });
}
