import { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { hostileEdits } from '../../support/hostile-rooms.ts';
import { readRefusal, REFUSED } from '../../../src/components/peer/refusal.ts';
import { LESSON } from '../fixtures.ts';
import { CODE, enter, expect, ids, openPanel, reader, test } from './participants.ts';

test.describe.configure({ timeout: 180_000 });

/** Joins the room as a modified client would, makes one hostile edit, and resolves with how the server answered. */
async function attempt(url: string, edit: (doc: Y.Doc, provider: HocuspocusProvider) => void): Promise<string> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url, name: `glassbox-${CODE}`, document: doc });
  try {
    await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    const closed = new Promise<string>((resolve) => provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    edit(doc, provider);
    return await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('accepted'), 3000))]);
  } finally {
    provider.destroy();
  }
}

test('200 hostile room documents and 9 hostile presences are refused by the server, and a reader in the room sees none of them and runs no script', async ({
  browser,
  baseURL,
  spawn,
}) => {
  const server = await spawn.server();
  const a = await reader(browser, baseURL!, 'Ana', ids.host, { code: CODE, server: server.url });
  await enter(a, LESSON);
  await openPanel(a.page);
  await a.page.locator('[data-peer-notes]').fill('Honest notes.');
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await expect(a.page.locator('#relu-pool')).toHaveAttribute('data-ready', 'true');
  const refused: string[] = [];
  for (const edit of hostileEdits(200)) {
    const answer = await attempt(server.url, edit.apply);
    // Refused by the guard, with its reason (not, say, a socket closed for size or a crashed server).
    expect(answer, edit.name).toMatch(new RegExp(`^${REFUSED}`));
    // With a code the page words (in its reader's language), not one it would call unknown.
    expect(readRefusal(answer)?.code, edit.name).not.toBe('unknown');
    refused.push(answer);
  }
  expect(refused).toHaveLength(200);
  // Presences are checked too: a name too long, an id that is not one, a place off the page or out of range, extra fields.
  const presences = [
    { id: ids.c, name: '<img src=x onerror="window.__pwned=1">'.repeat(2), following: true },
    { id: '<b>', name: 'Cy', following: true },
    { id: ids.c, name: 'Cy', following: 'yes' },
    { id: ids.c, name: 'Cy', following: true, at: { path: 'javascript:alert(1)', anchor: '', frac: 0 } },
    { id: ids.c, name: 'Cy', following: true, at: { path: '//evil.example/x', anchor: '', frac: 0 } },
    { id: ids.c, name: 'Cy', following: true, pointer: { path: '/', anchor: 'x'.repeat(101), frac: 0, x: 0 } },
    { id: ids.c, name: 'Cy', following: true, html: '<script>window.__pwned=1</script>' },
    { id: ids.c, name: 'Cy', following: true, at: { path: '/', anchor: '', frac: 7 } },
    { id: ids.c, name: '', following: true },
  ];
  for (const state of presences)
    expect(await attempt(server.url, (_, provider) => provider.awareness!.setLocalState(state)), JSON.stringify(state)).toBe(
      `${REFUSED}bad-presence: a presence that no page publishes`,
    );
  // An update that depends on a change the room has never seen would wait, unchecked, inside the room and take
  // effect within a later change: it is refused. (A provider never sends one, so it goes straight onto the socket.)
  const dangling = await attempt(server.url, (_, provider) => {
    const side = new Y.Doc();
    side.getMap('answers').set('aaaaaaaaaaaa|bbbbbbbbbbbb', { name: 'Ed', first: ['0'], at: 1 });
    const before = Y.encodeStateVector(side);
    side.getMap('answers').set('aaaaaaaaaaaa|bbbbbbbbbbbb', '<img src=x onerror="window.__pwned=1">');
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, `glassbox-${CODE}`);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(side, before));
    provider.configuration.websocketProvider.send(encoding.toUint8Array(encoder));
  });
  expect(dangling).toBe(`${REFUSED}missing-changes: an update that depends on changes the room does not have`);
  // The reader's page is as it was: no script ran, nothing was injected, the notes and widget are untouched.
  expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(a.page.locator('main img[src="x"], main script:not([src]):not([type]), iframe, svg[onload]')).toHaveCount(0);
  await expect(a.page.locator('[data-peer-notes]')).toHaveValue('Honest notes.');
  await expect(a.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('32 × 32');
  await expect(a.page.locator('[data-peer-count]')).toHaveText('1 here');
  await a.close();
});
