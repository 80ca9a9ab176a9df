import { defineConfig } from '@playwright/test';
import type { BackendOptions } from './tests/e2e/fixtures.ts';

const PORT = 4321;

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
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
  },
  webServer: {
    command: 'npm run preview',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
  // Every widget test runs once per backend the book falls back to on machines without hardware WebGPU.
  projects: [
    { name: 'wasm', use: { backend: 'wasm' } },
    { name: 'cpu', use: { backend: 'cpu' }, testMatch: 'widgets/**' },
  ],
});
