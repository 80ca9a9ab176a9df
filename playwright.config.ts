import { defineConfig } from '@playwright/test';
import type { BackendOptions } from './tests/e2e/fixtures.ts';

// Several people (or agents) can test side by side: each builds into its own folder and serves it on its own port.
const PORT = Number(process.env['E2E_PORT'] ?? 4321);
const OUT_DIR = process.env['E2E_OUT_DIR'];

/** Debian's chromium (browsers cannot be downloaded here); flags keep it from calling home. */
export const chromium = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig<BackendOptions>({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  // Tests, not files, are shared out between the workers: a file's long tests no longer queue behind each other at the end of a run.
  fullyParallel: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
  },
  webServer: {
    // --ignore-lock: Astro allows one tracked preview per project; test servers run beside any other, untracked.
    command: `ASTRO_TELEMETRY_DISABLED=1 npx astro preview --ignore-lock --port ${PORT} --host 127.0.0.1${OUT_DIR ? ` --outDir ${OUT_DIR}` : ''}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
  // Every widget test runs once per backend the book falls back to on machines without hardware WebGPU.
  projects: [
    { name: 'wasm', use: { backend: 'wasm' } },
    // Plain JavaScript: a held-out scan or a Grad-CAM widget's first compute takes tens of seconds on a busy 2-core machine.
    { name: 'cpu', use: { backend: 'cpu' }, testMatch: 'widgets/**/*.spec.ts', timeout: 180_000, expect: { timeout: 45_000 } },
    // Explanation widgets are also checked on webgl (SwiftShader here: slow, so only those). Its first
    // compute of a Grad-CAM widget alone takes about 5 s on an idle machine and several times that on a
    // busy one: waits sized for wasm would fail CI on a slow machine, not on a defect.
    { name: 'webgl', use: { backend: 'webgl' }, testMatch: 'widgets/explain/**/*.spec.ts', timeout: 240_000, expect: { timeout: 90_000 } },
  ],
});
