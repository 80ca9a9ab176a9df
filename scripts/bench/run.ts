/**
 * npm run bench: builds and serves the book, then runs every benchmark module in
 * this folder (each exports `bench(page, origin)` and returns the lines to print)
 * in headless Chromium, each on a fresh browser page. `-- --no-build` reuses dist/;
 * `-- NAME...` runs only those modules.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromium as launcher, type Page } from '@playwright/test';
import { chromium } from '../../playwright.config.ts';

const PORT = 4329;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HELPERS = new Set(['run.ts', 'stats.ts', 'canvas-latency.ts']);

const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith('--'));
const modules = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.ts') && !HELPERS.has(name))
  .map((name) => name.replace(/\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
const browser = await launcher.launch({ ...chromium, args: [...chromium.args, '--enable-unsafe-webgpu'] });

try {
  await waitForServer();
  for (const name of modules) {
    const { bench } = (await import(`./${name}.ts`)) as { bench: (page: Page, origin: string) => Promise<string[]> };
    const page = await browser.newPage();
    console.log(`\n${(await bench(page, ORIGIN)).join('\n')}`);
    await page.close();
  }
} finally {
  await browser.close();
  process.kill(-server.pid!);
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`bench: the preview server did not answer on ${ORIGIN}`);
}
