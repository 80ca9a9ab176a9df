import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { hostileEdits } from '../../support/hostile-rooms.ts';
import { startPeerServer } from '../../support/peer-processes.ts';
import { LESSON, expect, test } from '../fixtures.ts';
import { CODE, enter, ids, openPanel, reader } from './participants.ts';

test.describe.configure({ timeout: 180_000 });

/** Joins the room as a modified client would, makes one hostile edit, and resolves with how the server answered. */
async function attempt(url: string, edit: (doc: Y.Doc) => void): Promise<string> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name: `glassbox-${CODE}`, document: doc });
  try {
    await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    const closed = new Promise<string>((resolve) => provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    edit(doc);
    return await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('accepted'), 3000))]);
  } finally {
    provider.destroy();
  }
}

test('200 hostile room documents are refused by the server, and a reader in the room sees none of them and runs no script', async ({ browser, baseURL }) => {
  const server = await startPeerServer();
  const a = await reader(browser, baseURL!, 'Ana', ids.host, { code: CODE, server: server.url });
  await enter(a, LESSON);
  await openPanel(a.page);
  await a.page.locator('[data-peer-notes]').fill('Honest notes.');
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(a.page.locator('#relu-pool')).toHaveAttribute('data-ready', 'true');
  const refused: string[] = [];
  for (const edit of hostileEdits(200)) {
    const answer = await attempt(server.url, edit.apply);
    expect(answer, edit.name).not.toBe('accepted');
    refused.push(answer);
  }
  expect(refused).toHaveLength(200);
  // The reader's page is as it was: no script ran, nothing was injected, the notes and widget are untouched.
  expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(a.page.locator('main img[src="x"], main script:not([src]):not([type]), iframe, svg[onload]')).toHaveCount(0);
  await expect(a.page.locator('[data-peer-notes]')).toHaveValue('Honest notes.');
  await expect(a.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('32 × 32');
  await expect(a.page.locator('[data-peer-count]')).toHaveText('1 here');
  await a.close();
  await server.stop();
});
