import { freePort } from '../../support/peer-processes.ts';
import { LESSON } from '../fixtures.ts';
import { expect, ids, openPanel, reader, test } from './participants.ts';

test('a session started in the dialog is joined by its link; each reader sees the other’s widget change within 1 s', async ({ browser, baseURL, spawn }) => {
  const server = await spawn.server();
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
  // Two times per change: from the sender's page sharing the state to the other page receiving it (the
  // session's part, which the 1 s bound is about), and until the other widget shows it (which adds both
  // widgets' own computations, as slow as the machine: on a busy 2-core CI runner, close to a second).
  const panelTime = async (r: typeof a, name: 'lastSent' | 'lastReceived') =>
    Number(await r.page.locator('[data-peer]').getAttribute(`data-${name.replace('last', 'last-').toLowerCase()}`));
  const session: number[] = [];
  const seen: number[] = [];
  for (const [from, to, size, dims] of [
    [a, b, '3', '31 × 31'],
    [b, a, '2', '32 × 32'],
    [a, b, '3', '31 × 31'],
  ] as const) {
    const start = Date.now();
    await from.page.locator('#relu-pool [data-pool-size]').selectOption(size);
    await expect(to.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText(dims);
    seen.push(Date.now() - start);
    await expect(to.page.locator('#relu-pool [data-pool-size]')).toHaveValue(size);
    const sent = await panelTime(from, 'lastSent');
    const received = await panelTime(to, 'lastReceived');
    expect(sent).toBeGreaterThan(start - 1);
    session.push(received - sent);
  }
  console.log(`widget change: sent to received ${session.join(', ')} ms; seen by the other reader after ${seen.join(', ')} ms`);
  for (const ms of session) expect(ms).toBeLessThan(1000);
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
  await page.locator('[data-session-server]').fill(`ws://127.0.0.1:${await freePort()}`);
  await page.locator('[data-session-start]').click();
  await expect(page.locator('[data-session-status]')).toContainText('No session server answered', { timeout: 15_000 });
  await expect(page.locator('[data-peer]')).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('glassbox:peer:session'))).toBeNull();
  await page.goto(`${LESSON}?backend=wasm`);
  await expect(page.locator('[data-peer]')).toBeHidden();
  await page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(page.locator('#relu-pool')).toHaveAttribute('data-ready', 'true');
});
