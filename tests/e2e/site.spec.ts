import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { LESSON, expect, ready, test } from './fixtures.ts';

const PAGES = ['/', LESSON, '/attributions/', '/assignment/build/', '/guide/teaching/', '/progress/', '/session/', '/notation/'];
/** Pages whose header and theme the first three already cover: checked at 1280 px light and 375 px dark. */
const TWO_VIEWS = new Set(['/assignment/build/', '/guide/teaching/', '/progress/', '/session/', '/notation/']);

// Desktop and phone: the header drops its visible labels on a phone, and its controls must keep their names.
for (const path of PAGES) {
  for (const width of [1280, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      if (TWO_VIEWS.has(path) && (width === 1280) !== (scheme === 'light')) continue;
      test(`${path} at ${width} px (${scheme}) has no serious accessibility violations`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        if (path === LESSON) {
          for (const id of ['conv-explorer', 'relu-pool', 'shape-calculator']) await ready(page, id);
        }
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
}

test('no page asks any other origin for anything', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
  });
  for (const path of PAGES) {
    await page.goto(path);
    if (path === LESSON) for (const id of ['conv-explorer', 'relu-pool', 'shape-calculator']) await ready(page, id);
  }
  expect(foreign).toEqual([]);
});

test('a page without widgets downloads no TensorFlow.js', async ({ page }) => {
  // The build names every chunk of a @tensorflow package after it (astro.config.mjs).
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/');
  await page.goto('/attributions/');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((url) => /tfjs/.test(url))).toEqual([]);
  // The lesson page, once its widgets start, does load it.
  await page.goto(LESSON);
  await ready(page, 'conv-explorer');
  // The engine's worker loads it (bundled into the worker's own script): the page's thread still gets none.
  expect(scripts.filter((url) => /tfjs/.test(url))).toEqual([]);
  expect(page.workers().filter((worker) => /worker/.test(worker.url()))).toHaveLength(1);
  expect((await page.evaluate(async () => (await window.glassbox!.engine!).diagnose())).info.thread).toBe('worker');
});

test('dark mode toggles and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(LESSON);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('search finds a lesson by an English or a Korean term', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const input = page.getByRole('searchbox', { name: 'Search the book' });
  const lesson = page.locator('[data-search-results] a[href*="convolution-pooling-activation"]');
  await input.fill('stride');
  await expect(lesson).toBeVisible();
  await input.fill('풀링');
  await expect(lesson).toBeVisible();
  await input.fill('Grad-CAM');
  await expect(page.locator('[data-search-results] a[href*="cam-and-grad-cam"]')).toBeVisible();
});

test('a lesson links to the notation page, whose symbols link back to the lessons that use them', async ({ page }) => {
  await page.goto('/lessons/cam-and-grad-cam/');
  await page.getByRole('link', { name: 'notation page' }).click();
  await expect(page).toHaveURL(/\/notation\/$/);
  const row = page.locator('table.notation tr', { hasText: 'Grad-CAM++: the channel weight' });
  await expect(row.locator('.katex-mathml')).toContainText('β');
  await expect(row.getByRole('link')).toHaveAttribute('href', '/lessons/cam-and-grad-cam/');
  // A letter with several meanings names every lesson that uses it, in reading order.
  const k = page
    .locator('.overloaded div')
    .filter({ has: page.locator('dt', { hasText: /^k/ }) })
    .first();
  expect(await k.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
    '/lessons/convolution-pooling-activation/',
    '/lessons/embedding-features/',
    '/lessons/layer-activations/',
    '/lessons/maximally-activating-patches/',
    '/lessons/cam-and-grad-cam/',
  ]);
});

test('the home page lists the lessons in order and links to them', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('link', { name: /Convolution, pooling and activation/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Convolution, pooling and activation');
});

test('the home page lists the data augmentation chapter, in reading order, under its own heading', async ({ page }) => {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 3, name: /^Data augmentation/ });
  await expect(heading).toContainText('데이터 증강');
  const links = heading.locator('xpath=following-sibling::ol[1]').getByRole('link');
  const slugs = [
    'why-augment',
    'geometric-transforms',
    'erasing-and-mixing',
    'augmentation-policies',
    'copy-paste-and-synthetic-data',
    'test-time-augmentation',
    'what-augmentation-buys',
  ];
  await expect(links).toHaveCount(slugs.length);
  for (const [k, slug] of slugs.entries()) await expect(links.nth(k)).toHaveAttribute('href', `/lessons/${slug}/`);
});

test('on a 375 px phone no page scrolls sideways, and no punctuation after inline math starts a line', async ({ page }) => {
  const lessons = readdirSync('content/lessons')
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `/lessons/${file.replace(/\.mdx$/, '')}/`);
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of [
    '/',
    '/data-and-models/',
    '/attributions/',
    '/assignment/build/',
    '/assignment/',
    '/guide/teaching/',
    '/progress/',
    '/notation/',
    ...lessons,
  ]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBe(375);
    const orphans = await page.evaluate(() =>
      [...document.querySelectorAll('.katex:not(.katex-display .katex)')].flatMap((math) => {
        const next = math.nextSibling;
        const last = [...math.getClientRects()].at(-1);
        if (!last || next?.nodeType !== Node.TEXT_NODE || !/^[.,;:)]/.test(next.textContent!)) return [];
        const range = document.createRange();
        range.setStart(next, 0);
        range.setEnd(next, 1);
        const mark = range.getBoundingClientRect();
        // Punctuation that wrapped sits on a lower line, left of where the formula ends.
        return mark.width > 0 && mark.top > last.top + 2 && mark.left < last.right - 2
          ? [`${math.textContent!.slice(0, 30)}${next.textContent!.slice(0, 10)}`]
          : [];
      }),
    );
    expect(orphans, path).toEqual([]);
  }
});
