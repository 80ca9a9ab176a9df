import type { Browser, Page } from '@playwright/test';
import { cutProxy, type CutProxy } from '../../support/cut-proxy.ts';
import { startPeerServer, startRedis, type Process } from '../../support/peer-processes.ts';
import { expect, test as base } from '../fixtures.ts';

/**
 * The peer tests' `test`: `spawn` starts session servers, Redis and cuttable
 * relays, and stops every one of them when the test ends, passed or failed.
 */
export const test = base.extend<{ spawn: { server: typeof startPeerServer; redis: () => Promise<Process>; proxy: (port: number) => Promise<CutProxy> } }>({
  spawn: async ({}, use) => {
    const started: { stop(): Promise<void> }[] = [];
    const keep = <T extends { stop(): Promise<void> }>(p: T): T => (started.push(p), p);
    await use({
      server: async (options) => keep(await startPeerServer(options)),
      redis: async () => keep(await startRedis()),
      proxy: async (port) => {
        const proxy = await cutProxy(port);
        return keep(Object.assign(proxy, { stop: () => proxy.close() }));
      },
    });
    for (const p of started.reverse()) await p.stop().catch(() => undefined);
  },
});
export { expect };

/**
 * Readers in a peer session, each in a browser context of their own (as on
 * separate machines), with the policy watch every test page has. `join` puts
 * them in the session the way the dialog leaves it (identity and session in
 * storage); the dialog itself is tested on its own.
 */
export interface Reader {
  page: Page;
  violations: string[];
  close(): Promise<void>;
}

export const ids = { host: 'hosthosthost', b: 'bbbbbbbbbbbb', c: 'cccccccccccc', d: 'dddddddddddd' } as const;
export const CODE = 'roomcodeforthetest22';

export async function reader(browser: Browser, baseURL: string, name: string, id: string, session?: { code: string; server: string }): Promise<Reader> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('glassboxCspViolation', (line: string) => violations.push(line));
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    violations.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(
    ({ name, id, session }) => {
      document.addEventListener('securitypolicyviolation', (e) => {
        void (window as unknown as { glassboxCspViolation(line: string): Promise<void> }).glassboxCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`,
        );
      });
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('glassbox:peer:identity', JSON.stringify({ id, name }));
      if (session) localStorage.setItem('glassbox:peer:session', JSON.stringify({ ...session, following: true }));
    },
    { name, id, session },
  );
  return {
    page,
    violations,
    async close() {
      expect(violations, `${name}: policy violations, page errors or dialogs`).toEqual([]);
      await context.close();
    },
  };
}

/** Opens `path` on the wasm backend and waits until the page has the room (first sync). */
export async function enter(r: Reader, path: string): Promise<void> {
  await r.page.goto(`${path}?backend=wasm`);
  await expect(r.page.locator('[data-peer]')).toHaveAttribute('data-synced', 'true');
}

export async function openPanel(page: Page): Promise<void> {
  const toggle = page.locator('[data-peer-toggle]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Ana (the host) and Bo in the room, each through their own server address, on `path` with the panel open. */
export async function pair(browser: Browser, baseURL: string, anaServer: string, boServer: string, path: string): Promise<[Reader, Reader]> {
  const a = await reader(browser, baseURL, 'Ana', ids.host, { code: CODE, server: anaServer });
  const b = await reader(browser, baseURL, 'Bo', ids.b, { code: CODE, server: boServer });
  await enter(a, path);
  await enter(b, path);
  for (const r of [a, b]) await openPanel(r.page);
  return [a, b];
}
