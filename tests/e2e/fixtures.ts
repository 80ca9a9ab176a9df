import { test as base, expect, type Page } from '@playwright/test';

export interface BackendOptions {
  /** The `?backend=` every page is opened with. */
  backend: 'wasm' | 'cpu' | 'webgl';
}

export const LESSON = '/lessons/convolution-pooling-activation/';

export const test = base.extend<BackendOptions & { open: (path: string, query?: string) => Promise<void>; cspViolations: string[] }>({
  backend: ['wasm', { option: true }],
  open: async ({ page, backend }, use) => {
    await use(async (path, query = '') => {
      await page.goto(`${path}?backend=${backend}${query ? `&${query}` : ''}`);
    });
  },
  // Every page of every test runs under the site's Content-Security-Policy, and whatever it blocks fails
  // the test that caused it (a test that provokes a violation on purpose empties the list).
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction('glassboxCspViolation', (line: string) => violations.push(line));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          void (window as unknown as { glassboxCspViolation(line: string): Promise<void> }).glassboxCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Scrolls a widget into view and waits until it has computed once. */
export async function ready(page: Page, id: string): Promise<void> {
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true');
}

/** Scrolls a widget into view and waits until it is mounted (its controls listen): for widgets that compute only when asked. */
export async function mounted(page: Page, id: string): Promise<void> {
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-mounted', 'true');
}

/** The page's live tensor count, from its one engine (asked through the engine's diagnostic message). */
export async function tensorCount(page: Page): Promise<number> {
  return page.evaluate(async () => (await (await window.glassbox!.engine!).diagnose()).numTensors);
}
