import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, LESSON, test } from '../fixtures.ts';

const DIST = process.env['E2E_OUT_DIR'] ?? 'dist';

/** Every built page, path -> HTML. */
function builtPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return pages;
}

/** A page's policies from its <meta http-equiv="content-security-policy">: one map of directive -> sources per element. */
function policies(html: string): Map<string, string[]>[] {
  return [...html.matchAll(/<meta[^>]*http-equiv="content-security-policy"[^>]*content="([^"]*)"/gi)].map(
    ([, content]) => new Map(content!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources])),
  );
}

test('every built page carries one policy: scripts only from the site or by hash, no eval, data only from the site', () => {
  const pages = builtPages();
  expect(pages.size).toBeGreaterThan(15);
  for (const [path, html] of pages) {
    const found = policies(html);
    expect(found, path).toHaveLength(1);
    const policy = found[0]!;
    const scripts = policy.get('script-src') ?? [];
    expect(scripts, path).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
    for (const loose of ["'unsafe-eval'", "'unsafe-inline'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(scripts, `${path}: ${loose}`).not.toContain(loose);
    // The site, and WebSocket servers for peer sessions only: the built-in default, loopback, and TLS ones.
    expect(policy.get('connect-src'), path).toEqual(["'self'", 'ws://127.0.0.1:1234', 'ws://127.0.0.1:*', 'ws://localhost:*', 'wss:']);
    expect(policy.get('object-src'), path).toEqual(["'none'"]);
    expect(policy.get('font-src'), path).toEqual(["'self'", 'data:']);
    // Every inline script the page has is allowed by its own hash, and by nothing looser.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/type="application\/(ld\+)?json"/.test(attributes!));
    for (const [, , text] of inline) expect(scripts, `${path}: an inline script`).toContain(`'sha256-${createHash('sha256').update(text!).digest('base64')}'`);
  }
});

test('the policy is enforced: a script injected into the page and eval do not run, and the browser says so', async ({ page, open, cspViolations }) => {
  await open(LESSON);
  // The before-paint theme script ran (it is allowed by its hash).
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  // A script from the site itself may run, but not eval (the test's own evaluate bypasses the policy, so a page script asks).
  await page.route('**/__csp-probe__.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: "try { eval('1 + 1'); window.glassboxEval = 'ran'; } catch (error) { window.glassboxEval = error.name; }",
  }));
  await page.addScriptTag({ url: '/__csp-probe__.js' });
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.glassboxInjected = true;';
    document.body.append(script);
    const w = window as unknown as { glassboxInjected?: boolean; glassboxEval?: string };
    return { injected: w.glassboxInjected === true, evaluated: w.glassboxEval };
  });
  expect(outcome).toEqual({ injected: false, evaluated: 'EvalError' });
  await expect.poll(() => cspViolations.map((line) => line.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-elem']);
  cspViolations.length = 0;
});
