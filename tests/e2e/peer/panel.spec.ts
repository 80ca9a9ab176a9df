import AxeBuilder from '@axe-core/playwright';
import { LESSON } from '../fixtures.ts';
import { CODE, enter, expect, ids, openPanel, reader, test } from './participants.ts';

for (const [width, scheme] of [
  [1280, 'light'],
  [375, 'dark'],
] as const) {
  test(`the session panel with a vote open has no serious accessibility violations at ${width} px (${scheme})`, async ({ browser, baseURL, spawn }) => {
    const server = await spawn.server();
    const a = await reader(browser, baseURL!, 'Ana', ids.host, { code: CODE, server: server.url });
    await a.page.setViewportSize({ width, height: 800 });
    await a.page.emulateMedia({ colorScheme: scheme });
    await enter(a, LESSON);
    await openPanel(a.page);
    await a.page.locator('[data-pi-exercise]').selectOption({ value: `${LESSON}#map-of-methods` });
    await a.page.locator('[data-pi-open]').click();
    await a.page.locator('[data-pi-form] input[value="1"]').check();
    await a.page.locator('[data-pi-submit]').click();
    await a.page.locator('[data-pi-reveal]').click();
    await expect(a.page.locator('[data-pi-bars] li')).toHaveCount(3);
    await a.page.locator('[data-peer-notes]').fill('Notes.');
    const { violations } = await new AxeBuilder({ page: a.page }).include('[data-peer]').analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await a.close();
  });
}
