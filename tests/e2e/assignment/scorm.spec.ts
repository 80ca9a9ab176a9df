import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '../fixtures.ts';

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', xml: 'application/xml' };

test('the SCORM 1.2 package, launched by an LMS-side runtime (scorm-again), reports score and completion to it', async ({ page, baseURL }) => {
  // The TA's side: the builder makes the package in the browser.
  await page.goto('/assignment/build/');
  await expect(page.locator('[data-builder]')).toHaveAttribute('data-state', 'ready');
  const lesson = page.locator('details.lesson', { has: page.locator('input[value="convolution-pooling-activation/conv-by-hand"]') });
  await lesson.locator('summary').click();
  await lesson.locator('input[value="convolution-pooling-activation/conv-by-hand"]').check();
  await lesson.locator('input[value="convolution-pooling-activation/flat-region"]').check();
  await page.getByLabel('Title', { exact: true }).fill('Convolution <by hand>');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a SCORM 1.2 package' }).click();
  const files = unzipSync(readFileSync(await (await download).path()));
  expect(Object.keys(files).sort()).toEqual(['cross-frame-lms.LICENSE.txt', 'cross-frame-lms.js', 'imsmanifest.xml', 'index.html', 'launcher.js']);
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
  expect(manifest).toContain('<title>Convolution &#60;by hand&#62;</title>');

  // The LMS's side, on another origin (a server of its own on this machine): scorm-again's SCORM 1.2 runtime
  // as window.API, and the package's SCO in a frame.
  const lmsPage = '<!doctype html><script src="/scorm12.js"></script><script>window.API = new Scorm12API({ autocommit: false, logLevel: 5 });</script><iframe src="/sco/index.html" style="width:1200px;height:1600px"></iframe>';
  const lms = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://lms').pathname;
    const body = path === '/lms.html' ? lmsPage : path === '/scorm12.js' ? readFileSync('node_modules/scorm-again/dist/scorm12.min.js') : files[path.replace(/^\/sco\//, '')];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop()!] ?? 'application/octet-stream' }).end(typeof body === 'string' ? body : Buffer.from(body));
  });
  await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', resolve));
  const LMS = `http://127.0.0.1:${(lms.address() as AddressInfo).port}`;
  expect(LMS).not.toBe(new URL(baseURL!).origin);
  await page.goto(`${LMS}/lms.html`);
  const frame = page.frameLocator('iframe').frameLocator('#book');
  const cmi = (path: string) => page.evaluate((p) => p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], (window as unknown as { API: { cmi: unknown } }).API.cmi), path);
  await expect(frame.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => cmi('core.lesson_status')).toBe('incomplete');
  await expect.poll(() => cmi('core.score.raw')).toBe('0');

  await frame.locator('#exercise-conv-by-hand').getByLabel('Your answer').fill('-9');
  await frame.locator('#exercise-conv-by-hand').getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => cmi('core.score.raw')).toBe('50');
  expect(await cmi('core.lesson_status')).toBe('incomplete');

  for (const answer of ['3', '0']) {
    await frame.locator('#exercise-flat-region').getByLabel('Your answer').fill(answer);
    await frame.locator('#exercise-flat-region').getByRole('button', { name: 'Check' }).click();
  }
  await expect.poll(() => cmi('core.score.raw')).toBe('100');
  expect(await cmi('core.lesson_status')).toBe('completed');
  expect(await cmi('core.score.max')).toBe('100');
  expect(await cmi('suspend_data')).toBe('d1.d2');
  lms.close();
});
