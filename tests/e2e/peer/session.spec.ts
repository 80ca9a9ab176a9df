import { startPeerServer, type Process } from '../../support/peer-processes.ts';
import { LESSON, expect, test } from '../fixtures.ts';
import { ids, openPanel, reader } from './participants.ts';

let server: Process;
test.beforeEach(async () => {
  server = await startPeerServer();
});
test.afterEach(async () => {
  await server.stop();
});

test('a session started in the dialog is joined by its link; each reader sees the other’s widget change within 1 s', async ({ browser, baseURL }) => {
  const a = await reader(browser, baseURL!, 'Ana', ids.host);
  const b = await reader(browser, baseURL!, 'Bo', ids.b);
  await a.page.goto('/session/');
  await a.page.locator('[data-session-name]').fill('Ana');
  await a.page.locator('[data-session-server-details] summary').click();
  await a.page.locator('[data-session-server]').fill(server.url);
  await a.page.locator('[data-session-start]').click();
  const link = a.page.locator('[data-session-link]');
  await expect(link).toHaveAttribute('href', /\/session\/\?join=[a-z2-7]{20}&server=/);
  await b.page.goto((await link.getAttribute('href'))!);
  await expect(b.page.locator('[data-session-server]')).toHaveValue(server.url);
  await b.page.locator('[data-session-name]').fill('Bo');
  await b.page.locator('[data-session-join]').click();
  await expect(b.page.locator('[data-session-code]')).toHaveText((await a.page.locator('[data-session-code]').textContent())!);
  for (const r of [a, b]) await expect(r.page.locator('[data-peer-count]')).toHaveText('2 here');

  // Ana presents: she opens the lesson, and Bo, following, is taken there.
  await a.page.goto(`${LESSON}?backend=wasm`);
  await expect(b.page).toHaveURL(new RegExp(`${LESSON}$`));
  for (const r of [a, b]) {
    await r.page.locator('#relu-pool').scrollIntoViewIfNeeded();
    await expect(r.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('32 × 32');
  }
  // A 3 x 3 window with stride 2 on the 64 x 64 map gives floor((64 - 3) / 2) + 1 = 31.
  const changes: number[] = [];
  for (const [from, to, size, dims] of [
    [a, b, '3', '31 × 31'],
    [b, a, '2', '32 × 32'],
    [a, b, '3', '31 × 31'],
  ] as const) {
    const start = Date.now();
    await from.page.locator('#relu-pool [data-pool-size]').selectOption(size);
    await expect(to.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText(dims);
    changes.push(Date.now() - start);
    await expect(to.page.locator('#relu-pool [data-pool-size]')).toHaveValue(size);
  }
  console.log(`widget change seen by the other reader after ${changes.join(', ')} ms`);
  for (const ms of changes) expect(ms).toBeLessThan(1000);
  await openPanel(b.page);
  await expect(b.page.locator('[data-peer-people]')).toContainText('Ana (presenting)');
  await a.close();
  await b.close();
});

test('without a server, the dialog says so plainly and the book works as before', async ({ page }) => {
  await page.goto('/session/');
  await page.locator('[data-session-name]').fill('Ana');
  await page.locator('[data-session-server-details] summary').click();
  // A port nothing listens on.
  await page.locator('[data-session-server]').fill(`ws://127.0.0.1:${server.port + 1 === 65536 ? 1 : server.port + 1}`);
  await page.locator('[data-session-start]').click();
  await expect(page.locator('[data-session-status]')).toContainText('No session server answered', { timeout: 15_000 });
  await expect(page.locator('[data-peer]')).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('glassbox:peer:session'))).toBeNull();
  await page.goto(`${LESSON}?backend=wasm`);
  await expect(page.locator('[data-peer]')).toBeHidden();
  await page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(page.locator('#relu-pool')).toHaveAttribute('data-ready', 'true');
});

