import { tempDb } from '../../support/peer-processes.ts';
import { LESSON } from '../fixtures.ts';
import { CODE, enter, expect, ids, openPanel, pair, reader, test, type Reader } from './participants.ts';

const dims = (r: Reader) => r.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]');
const notes = (r: Reader) => r.page.locator('[data-peer-notes]');

test('a reader cut off for 10 s keeps working; after rejoining, both readers have both sets of notes and the widget change', async ({
  browser,
  baseURL,
  spawn,
}) => {
  const server = await spawn.server();
  const proxy = await spawn.proxy(server.port);
  const [a, b] = await pair(browser, baseURL!, server.url, proxy.url, LESSON);
  await notes(a).fill('Ana: stride 2 halves the map.');
  await expect(notes(b)).toHaveValue('Ana: stride 2 halves the map.');
  await b.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(dims(b)).toHaveText('32 × 32');

  proxy.cut();
  const cutAt = Date.now();
  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'reconnecting');
  await expect(b.page.locator('[data-peer-status]')).toContainText('Keep working');
  // Both keep typing, at the start and the end of the same text, and Bo changes a widget.
  await notes(b).press('End');
  await notes(b).pressSequentially('\nBo: offline.');
  await notes(a).press('Home');
  await notes(a).pressSequentially('Agreed. ');
  await b.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(dims(b)).toHaveText('31 × 31');
  await b.page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - cutAt)));
  expect(await notes(a).inputValue()).not.toContain('Bo: offline.');
  proxy.restore();

  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  const merged = 'Agreed. Ana: stride 2 halves the map.\nBo: offline.';
  await expect(notes(a)).toHaveValue(merged);
  await expect(notes(b)).toHaveValue(merged);
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(dims(a)).toHaveText('31 × 31');
  await a.close();
  await b.close();
});

test('a server restarted on its SQLite file loses no note', async ({ browser, baseURL, spawn }) => {
  const db = tempDb();
  const first = await spawn.server({ db });
  const a = await reader(browser, baseURL!, 'Ana', ids.host, { code: CODE, server: first.url });
  await enter(a, LESSON);
  await openPanel(a.page);
  await notes(a).fill('Kept across a restart.');
  // Ana leaves before the restart, so the note can only come back from the server's file.
  await a.page.waitForTimeout(1000);
  await a.close();
  await first.stop();
  const second = await spawn.server({ db, port: first.port });
  const b = await reader(browser, baseURL!, 'Bo', ids.b, { code: CODE, server: second.url });
  await enter(b, LESSON);
  await openPanel(b.page);
  await expect(notes(b)).toHaveValue('Kept across a restart.');
  await b.close();
});

test('two server processes behind one Redis serve one room: a change on one reaches a reader on the other', async ({ browser, baseURL, spawn }) => {
  const redis = await spawn.redis();
  const one = await spawn.server({ redis: redis.url, name: 'one' });
  const two = await spawn.server({ redis: redis.url, name: 'two' });
  const [a, b] = await pair(browser, baseURL!, one.url, two.url, LESSON);
  await expect(b.page.locator('[data-peer-count]')).toHaveText('2 here');
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await a.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(dims(b)).toHaveText('31 × 31');
  await notes(b).fill('Written on server two.');
  await expect(notes(a)).toHaveValue('Written on server two.');
  await a.close();
  await b.close();
});
