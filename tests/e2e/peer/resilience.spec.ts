import { cutProxy } from '../../support/cut-proxy.ts';
import { startPeerServer, startRedis, tempDb } from '../../support/peer-processes.ts';
import { LESSON, expect, test } from '../fixtures.ts';
import { CODE, enter, ids, openPanel, pair, reader, type Reader } from './participants.ts';

const dims = (r: Reader) => r.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]');
const notes = (r: Reader) => r.page.locator('[data-peer-notes]');

test('a reader cut off for 10 s keeps working; after rejoining, both readers have both sets of notes and the widget change', async ({ browser, baseURL }) => {
  const server = await startPeerServer();
  const proxy = await cutProxy(server.port);
  const [a, b] = await pair(browser, baseURL!, server.url, proxy.url, LESSON);
  await notes(a).fill('Ana: stride 2 halves the map.');
  await expect(notes(b)).toHaveValue('Ana: stride 2 halves the map.');
  await b.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(dims(b)).toHaveText('32 × 32');

  const cut = proxy.cut(10_000);
  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'reconnecting');
  await expect(b.page.locator('[data-peer-status]')).toContainText('Keep working');
  // Both keep typing, at the start and the end of the same text, and Bo changes a widget.
  await notes(b).press('End');
  await notes(b).pressSequentially('\nBo: offline.');
  await notes(a).press('Home');
  await notes(a).pressSequentially('Agreed. ');
  await b.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(dims(b)).toHaveText('31 × 31');
  await b.page.waitForTimeout(500);
  expect(await notes(a).inputValue()).not.toContain('Bo: offline.');
  await cut;

  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  const merged = 'Agreed. Ana: stride 2 halves the map.\nBo: offline.';
  await expect(notes(a)).toHaveValue(merged);
  await expect(notes(b)).toHaveValue(merged);
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(dims(a)).toHaveText('31 × 31');
  await a.close();
  await b.close();
  await proxy.close();
  await server.stop();
});

test('a server restarted on its SQLite file loses no note', async ({ browser, baseURL }) => {
  const db = tempDb();
  let server = await startPeerServer({ db });
  const a = await reader(browser, baseURL!, 'Ana', ids.host, { code: CODE, server: server.url });
  await enter(a, LESSON);
  await openPanel(a.page);
  await notes(a).fill('Kept across a restart.');
  await server.stop();
  await expect(a.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'reconnecting');
  server = await startPeerServer({ db, port: server.port });
  // A reader who was never connected before gets the note from the restarted server's file.
  const b = await reader(browser, baseURL!, 'Bo', ids.b, { code: CODE, server: server.url });
  await enter(b, LESSON);
  await openPanel(b.page);
  await expect(notes(b)).toHaveValue('Kept across a restart.');
  await expect(a.page.locator('[data-peer]')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  await a.close();
  await b.close();
  await server.stop();
});

test('two server processes behind one Redis serve one room: a change on one reaches a reader on the other', async ({ browser, baseURL }) => {
  const redis = await startRedis();
  const one = await startPeerServer({ redis: redis.url, name: 'one' });
  const two = await startPeerServer({ redis: redis.url, name: 'two' });
  const [a, b] = await pair(browser, baseURL!, one.url, two.url, LESSON);
  await expect(b.page.locator('[data-peer-count]')).toHaveText('2 here');
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await a.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(dims(b)).toHaveText('31 × 31');
  await notes(b).fill('Written on server two.');
  await expect(notes(a)).toHaveValue('Written on server two.');
  await a.close();
  await b.close();
  for (const p of [one, two, redis]) await p.stop();
});
