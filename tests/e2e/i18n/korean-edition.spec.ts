import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures.ts';
import { englishOnPage, englishStrings } from './english-left.ts';
import { encodeAssignment } from '../../../src/components/assignment/assignment-link.ts';

const LESSONS = readdirSync('content/lessons')
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => `/lessons/${file.slice(0, -4)}/`);
const PAGES = [
  '/',
  '/glossary/',
  '/notation/',
  '/data-and-models/',
  '/attributions/',
  '/progress/',
  '/session/',
  '/guide/teaching/',
  '/assignment/',
  '/assignment/build/',
];

test('every page has a Korean edition, and each edition names the other with hreflang and the switch', async ({ page }) => {
  for (const path of [...PAGES, ...LESSONS]) {
    await page.goto(`/ko${path}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    expect(new URL((await page.locator('link[hreflang="en"]').getAttribute('href'))!).pathname, path).toBe(path);
    await expect(page.getByRole('link', { name: 'English', exact: true })).toHaveAttribute('href', path);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(new URL((await page.locator('link[hreflang="ko"]').getAttribute('href'))!).pathname, path).toBe(`/ko${path}`);
  }
});

test('the language switch keeps the reader in the same section both ways, and the choice is remembered', async ({ page }) => {
  // The section the reader is in when they click the switch: the last heading above the line a quarter down the window
  // (read at the click itself, as sections off screen are laid out while the page settles). Kept across the navigation.
  const noteSection = () =>
    page.evaluate(() => {
      const link = document.querySelector('[data-language-switch]')!;
      link.addEventListener(
        'click',
        () => {
          const list = [...document.querySelectorAll('main h2[id]')];
          const index = list.reduce((found, h, i) => (h.getClientRects().length && h.getBoundingClientRect().top <= innerHeight / 4 ? i : found), -1);
          sessionStorage.setItem('section', JSON.stringify({ index, id: list[index]?.id }));
        },
        { capture: true },
      );
    });
  const noted = async () => JSON.parse((await page.evaluate(() => sessionStorage.getItem('section')))!) as { index: number; id: string };
  const headings = page.locator('main h2[id]');

  await page.goto('/lessons/cam-and-grad-cam/');
  await headings.nth(5).evaluate((heading) => heading.scrollIntoView());
  await noteSection();
  await page.getByRole('link', { name: '한국어', exact: true }).click();
  await expect(page).toHaveURL(/\/ko\/lessons\/cam-and-grad-cam\/#/);
  const english = await noted();
  expect(english.index).toBeGreaterThan(2);
  const koreanId = decodeURIComponent(new URL(page.url()).hash.slice(1));
  // The Korean heading at the same position, with Korean text.
  await expect(headings.nth(english.index)).toHaveAttribute('id', koreanId);
  await expect(headings.nth(english.index)).toHaveText(/[가-힣]/);

  // Remembered: an English page now opens in Korean, keeping the query.
  await page.goto('/notation/?backend=cpu');
  await expect(page).toHaveURL(/\/ko\/notation\/\?backend=cpu$/);

  // Back: the English section the reader is in, and English is remembered again.
  await page.goto(`/ko/lessons/cam-and-grad-cam/#${encodeURIComponent(koreanId)}`);
  await noteSection();
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page).toHaveURL(/\/lessons\/cam-and-grad-cam\/#/);
  const korean = await noted();
  await expect(headings.nth(korean.index)).toHaveAttribute('id', new URL(page.url()).hash.slice(1));
  expect(korean.index).toBeGreaterThan(0);
  await page.goto('/notation/');
  await expect(page).toHaveURL(/\/notation\/$/);
});

test('a Korean assignment takes its exercises and widgets from the Korean lessons, and the switch keeps the assignment', async ({ page }) => {
  const query = await encodeAssignment({
    v: 1,
    title: '3주차',
    due: '',
    solutions: 'shown',
    items: [
      { lesson: 'convolution-pooling-activation', exercise: 'conv-by-hand' },
      { lesson: 'occlusion-and-saliency', exercise: 'occlusion-positions' },
    ],
    widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: [], hide: [] }],
  });
  await page.goto(`/ko/assignment/?${query}`);
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  // The exercise's section links to the Korean lesson, and the widget speaks Korean.
  await expect(page.locator('.assignment-item .context a').first()).toHaveAttribute('href', /^\/ko\/lessons\/convolution-pooling-activation\//);
  await expect(page.locator('#occlusion-explorer')).toContainText('전체 맵 계산');
  expect(await englishOnPage(page, await englishStrings())).toEqual([]);
  // The switch opens the same assignment in English.
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/assignment/');
  expect(new URL(page.url()).search).toBe(`?${query}`);
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.assignment-item .context a').first()).toHaveAttribute('href', /^\/lessons\/convolution-pooling-activation\//);
});

test.describe('the Korean pages show no English UI string', () => {
  for (const path of [...PAGES, ...LESSONS]) {
    test(`/ko${path}`, async ({ page }) => {
      test.setTimeout(120_000);
      const english = await englishStrings();
      await page.goto(`/ko${path}?backend=wasm`);
      // Each widget writes its read-outs once started: bring every one into view and give it time to compute.
      for (const widget of await page.locator('.widget[id]').all()) {
        await widget.scrollIntoViewIfNeeded();
        await expect(widget)
          .toHaveAttribute('data-ready', 'true', { timeout: 8_000 })
          .catch(() => undefined);
      }
      expect(await englishOnPage(page, english)).toEqual([]);
      expect(await page.locator('main').innerText()).not.toMatch(/\bundefined\b|\{\w+\}/);
    });
  }
});

for (const [path, width, scheme] of [
  ['/ko/', 1280, 'light'],
  ['/ko/', 375, 'dark'],
  ['/ko/lessons/cam-and-grad-cam/', 1280, 'light'],
  ['/ko/lessons/cam-and-grad-cam/', 375, 'dark'],
  ['/ko/glossary/', 1280, 'light'],
] as const) {
  test(`${path} at ${width} px (${scheme}) has no serious accessibility violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
  });
}

test('Korean search finds a lesson by a word with a particle attached, within the Korean edition', async ({ page }) => {
  await page.goto('/ko/');
  await page.keyboard.press('/');
  const input = page.getByRole('searchbox', { name: '책 검색' });
  const results = page.locator('[data-search-results] a');
  // Every lesson that uses the word in any form is a hit; the one named here uses it most.
  for (const [word, stem, lesson] of [
    ['증강을', '증강', '/ko/lessons/why-augment/'],
    ['맵의', '맵', '/ko/lessons/cam-and-grad-cam/'],
  ] as const) {
    await input.fill(word);
    const hrefs = () => results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    await expect.poll(hrefs, word).toContain(lesson);
    expect(
      (await hrefs()).filter((href) => !href.startsWith('/ko/')),
      word,
    ).toEqual([]);
    await expect(page.locator('[data-search-results] mark').first()).toHaveText(new RegExp(`^${stem}`));
  }
  // The English edition's search stays in English.
  await page.goto('/');
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search the book' }).fill('augmentation');
  await expect(results.first()).toBeVisible();
  expect(await results.evaluateAll((links) => links.filter((link) => new URL((link as HTMLAnchorElement).href).pathname.startsWith('/ko/')).length)).toBe(0);
});

test('Korean text renders in the self-hosted Korean font, fetched only where Korean appears and within its budget', async ({ page, baseURL }) => {
  const fonts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (/noto-sans-kr.*\.woff2/.test(response.url())) fonts.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await page.goto('/attributions/');
  await page.waitForLoadState('networkidle');
  expect(fonts, 'a page without Korean fetches no Korean font').toEqual([]);

  await page.goto('/ko/lessons/convolution-pooling-activation/');
  // Scroll through the page, so every glyph it shows is asked for.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', '합성곱'))).toBe(true);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((font) => font.url.startsWith(baseURL!))).toBe(true);
  const total = fonts.reduce((sum, font) => sum + font.bytes, 0);
  console.log(`Korean font: ${fonts.length} files, ${total} bytes on the longest Korean lesson`);
  expect(total).toBeLessThanOrEqual(KOREAN_FONT_BUDGET);
});

test('every element that shows Hangul names the Korean font first, in both editions', async ({ page }) => {
  // Behind a system font, Chromium keeps empty boxes for Hangul it shaped before the font's slice arrived.
  for (const [path, widget] of [
    ['/', ''],
    ['/lessons/cam-and-grad-cam/', ''],
    ['/ko/', ''],
    ['/ko/lessons/cam-and-grad-cam/', 'grad-cam-explorer'],
  ]) {
    await page.goto(`${path}?backend=wasm`);
    if (widget) {
      await page.locator(`#${widget}`).scrollIntoViewIfNeeded();
      await expect(page.locator(`#${widget}`)).toHaveAttribute('data-ready', 'true');
    }
    const wrong = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && /[가-힣]/.test(node.textContent ?? '')))
        .filter((element) => !getComputedStyle(element).fontFamily.startsWith('"Noto Sans KR"'))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${getComputedStyle(element).fontFamily.slice(0, 40)}`),
    );
    expect(wrong, path).toEqual([]);
  }
});

/** Bytes of Korean font the longest Korean lesson may fetch (both weights), README "Korean edition". */
const KOREAN_FONT_BUDGET = 600_000;

test('a choice answered in one edition is checked and solved in the other, and an answer kept by its English text still restores', async ({ page }) => {
  const id = '#exercise-mask-interpolation';
  // The right option is the second in both editions (the lesson-parity unit test holds the positions equal).
  await page.goto('/lessons/geometric-transforms/');
  const english = page.locator(id);
  await english.locator('input').nth(1).check();
  await english.getByRole('button', { name: 'Check' }).click();
  await expect(english).toHaveAttribute('data-state', 'correct');
  await page.goto('/ko/lessons/geometric-transforms/');
  const korean = page.locator(id);
  await expect(korean).toHaveAttribute('data-state', 'correct');
  await expect(korean.locator('input').nth(1)).toBeChecked();
  await expect(korean.locator('input:checked')).toHaveCount(1);
  // A record written before options were kept by position holds the option's English text.
  await page.evaluate(() =>
    localStorage.setItem(
      'glassbox:exercise:/lessons/geometric-transforms:mask-interpolation',
      JSON.stringify({ answer: 'Bilinear interpolation is too slow for masks.', correct: false, attempts: 1, revealed: 'no' }),
    ),
  );
  await page.reload();
  await expect(page.locator(id).locator('input').nth(0)).toBeChecked();
  await expect(page.locator(id).locator('input:checked')).toHaveCount(1);
});
