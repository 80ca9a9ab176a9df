import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '../fixtures.ts';

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', xml: 'application/xml' };

/**
 * The LMS's side, on another origin (a server of its own on this machine): scorm-again's SCORM 1.2 runtime
 * as window.API at /lms.html, and the package's SCO in a frame of it (or alone, at /sco/index.html).
 */
async function serveLms(files: Record<string, Uint8Array>): Promise<{ origin: string; close: () => void }> {
  const lmsPage = '<!doctype html><script src="/scorm12.js"></script><script>window.API = new Scorm12API({ autocommit: false, logLevel: 5 });</script><iframe src="/sco/index.html" style="width:1200px;height:1600px"></iframe>';
  const lms = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://lms').pathname;
    const body = path === '/lms.html' ? lmsPage : path === '/scorm12.js' ? readFileSync('node_modules/scorm-again/dist/scorm12.min.js') : files[path.replace(/^\/sco\//, '')];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop()!] ?? 'application/octet-stream' }).end(typeof body === 'string' ? body : Buffer.from(body));
  });
  await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(lms.address() as AddressInfo).port}`, close: () => lms.close() };
}

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

  // The LMS's side: the package's SCO in a frame of an LMS page, on another origin.
  const lms = await serveLms(files);
  const LMS = lms.origin;
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

test('a package made on the Korean builder speaks Korean and opens the Korean assignment', async ({ page }) => {
  await page.goto('/ko/assignment/build/');
  await expect(page.locator('[data-builder]')).toHaveAttribute('data-state', 'ready');
  const lesson = page.locator('details.lesson', { has: page.locator('input[value="convolution-pooling-activation/conv-by-hand"]') });
  await lesson.locator('summary').click();
  await lesson.locator('input[value="convolution-pooling-activation/conv-by-hand"]').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SCORM 1.2 패키지 내려받기' }).click();
  const files = unzipSync(readFileSync(await (await download).path()));
  expect(strFromU8(files['index.html']!)).toContain('<html lang="ko">');
  expect(strFromU8(files['imsmanifest.xml']!)).toContain('<title>과제</title>');

  // Opened with no LMS around it, the launch page says so in Korean and opens the Korean assignment anyway.
  const lms = await serveLms(files);
  await page.goto(`${lms.origin}/sco/index.html`);
  await expect(page.getByRole('status')).toHaveText('이 페이지를 띄운 LMS를 찾지 못해 성적부에 아무것도 보고할 수 없습니다. 과제는 LMS와 연결되지 않은 채로 열립니다.');
  await expect(page.locator('#book')).toHaveAttribute('src', /\/ko\/assignment\/\?a=/);
  await expect(page.frameLocator('#book').locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  lms.close();
});
