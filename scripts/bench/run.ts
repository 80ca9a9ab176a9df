/**
 * npm run bench: builds and serves the book, then runs every benchmark module in
 * this folder (each exports `bench(page, origin)` and returns the lines to print)
 * in headless Chromium, each on a fresh browser page. `-- --no-build` reuses dist/;
 * `-- --port N` serves on port N (default 4329); `-- NAME...` runs only those modules.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { chromium as launcher, type Page } from '@playwright/test';
import { chromium } from '../../playwright.config.ts';

const HELPERS = new Set(['run.ts', 'stats.ts', 'canvas-latency.ts']);

const { values, positionals: only } = parseArgs({
  options: { 'no-build': { type: 'boolean' }, port: { type: 'string', default: '4329' } },
  allowPositionals: true,
});
const modules = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.ts') && !HELPERS.has(name))
  .map((name) => name.replace(/\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (!values['no-build']) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
// --ignore-lock: a preview someone already runs (npm run preview, a test server) holds
// Astro's one-per-project lock, but this short-lived server of our own needs no lock.
const server = spawn('npx', ['astro', 'preview', '--port', values.port, '--host', '127.0.0.1', '--ignore-lock'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const browser = await launcher.launch({ ...chromium, args: [...chromium.args, '--enable-unsafe-webgpu'] });

try {
  const origin = await serverOrigin(server);
  for (const name of modules) {
    const { bench } = (await import(`./${name}.ts`)) as { bench: (page: Page, origin: string) => Promise<string[]> };
    const page = await browser.newPage();
    console.log(`\n${(await bench(page, origin)).join('\n')}`);
    await page.close();
  }
} finally {
  await browser.close();
  try {
    process.kill(-server.pid!);
  } catch (error) {
    // ESRCH: the server has exited already; serverOrigin's error says why.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * The origin the server says it listens on: when the port is taken, astro preview
 * moves to the next free one. Fails with the server's own output if it exits first.
 */
function serverOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => reject(new Error(`bench: the preview server ${why}. Its output:\n${output.trim() || '(none)'}`));
    const timer = setTimeout(() => fail('did not start within 20 s'), 20_000);
    const read = (chunk: Buffer) => {
      output += stripVTControlCharacters(chunk.toString());
      const url = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`exited (${code ?? signal})`);
    });
  });
}
