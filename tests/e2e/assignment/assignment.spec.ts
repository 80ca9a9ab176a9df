import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test } from '../fixtures.ts';
import { encodeAssignment } from '../../../src/components/assignment/assignment-link.ts';
import type { Assignment } from '../../../src/components/assignment/assignment.ts';

async function link(assignment: Omit<Assignment, 'v'>): Promise<string> {
  return `/assignment/?${await encodeAssignment({ v: 1, ...assignment })}`;
}

test('an edited link is flagged, and shown as it now reads', async ({ page }) => {
  const query = (await link({ title: 'Week 3', due: '', solutions: 'shown', items: [{ lesson: 'convolution-pooling-activation', exercise: 'conv-by-hand' }], widgets: [] })).split('?')[1]!;
  const params = new URLSearchParams(query);
  const value = JSON.parse(Buffer.from(params.get('a')!, 'base64url').toString()) as Assignment;
  params.set('a', Buffer.from(JSON.stringify({ ...value, title: 'Week 3 (bonus)' })).toString('base64url'));
  for (const search of [params.toString(), query.replace(/&h=.*/, '')]) {
    await page.goto(`/assignment/?${search}`);
    await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('[data-notices]')).toContainText('This link was changed after it was made');
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 3');
  await page.goto(`/assignment/?${query}`);
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-notices]')).not.toContainText('changed');
});

test('the hand-in validates against the published schema and opens again to the same view', async ({ page, browser }) => {
  const url = await link({
    title: 'Convolution by hand',
    due: 'Monday',
    solutions: 'shown',
    items: [
      { lesson: 'convolution-pooling-activation', exercise: 'conv-by-hand' },
      { lesson: 'trusting-heatmaps', exercise: 'which-check-first' },
      { lesson: 'convolution-pooling-activation', exercise: 'flat-region' },
    ],
    widgets: [],
  });
  await page.goto(url);
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  const conv = page.locator('#exercise-conv-by-hand');
  for (const answer of ['-10', '-9']) {
    await conv.getByLabel('Your answer').fill(answer);
    await conv.getByRole('button', { name: 'Check' }).click();
  }
  await expect(conv.locator('[data-feedback]')).toContainText('Correct');
  const reflection = page.locator('#exercise-which-check-first');
  await reflection.getByRole('textbox').fill('Randomisation first.');
  await reflection.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-done-text]')).toHaveText('2 of 3 done');
  await page.getByLabel('Your name (optional, goes into the file)').fill('Kim Jiwoo');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hand in: save the result file' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  const handIn = JSON.parse(text);

  const schema = JSON.parse(readFileSync('dist/schemas/hand-in-v1.json', 'utf8'));
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(handIn), JSON.stringify(validate.errors)).toBe(true);
  expect(handIn).toMatchObject({
    format: 'glassbox-hand-in',
    learner: 'Kim Jiwoo',
    assignment: { title: 'Convolution by hand', due: 'Monday', edited: false, solutions: 'shown', check: new URLSearchParams(url.split('?')[1]).get('h') },
    summary: { total: 3, done: 2, afterSolution: 0 },
  });
  expect(handIn.items[0]).toMatchObject({ exercise: 'conv-by-hand', kind: 'number', record: { answer: '-9', correct: true, attempts: 2, revealed: 'solved' } });
  expect(handIn.items[1]).toMatchObject({ exercise: 'which-check-first', kind: 'reflection', record: { answer: 'Randomisation first.', correct: true } });
  expect(handIn.items[2]).toMatchObject({ exercise: 'flat-region', record: null });
  // A broken file is refused by the same schema.
  expect(validate({ ...handIn, summary: { ...handIn.summary, done: -1 } })).toBe(false);
  const summary = await page.locator('[data-summary] tbody').innerText();

  // A TA's browser, which has never seen the assignment, opens the file.
  const ta = await browser.newContext();
  const review = await ta.newPage();
  await review.goto('/assignment/');
  await review.locator('[data-open-hand-in]').setInputFiles(file);
  await expect(review.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await expect(review.locator('[data-notices]')).toContainText('You are reviewing Kim Jiwoo’s hand-in');
  await expect(review.locator('#exercise-conv-by-hand').getByLabel('Your answer')).toHaveValue('-9');
  await expect(review.locator('#exercise-conv-by-hand')).toHaveAttribute('data-state', 'correct');
  await expect(review.locator('#exercise-which-check-first').getByRole('textbox')).toHaveValue('Randomisation first.');
  await expect(review.locator('#exercise-which-check-first')).toHaveAttribute('data-state', 'correct');
  expect(await review.locator('[data-summary] tbody').innerText()).toBe(summary);
  await ta.close();
});

test('withheld solutions are not in the page and never open', async ({ page }) => {
  await page.goto(await link({ title: 'Quiz', due: '', solutions: 'withheld', items: [{ lesson: 'convolution-pooling-activation', exercise: 'flat-region' }], widgets: [] }));
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-notices]')).toContainText('withheld');
  const flat = page.locator('#exercise-flat-region');
  await expect(flat.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  expect(await flat.getAttribute('data-sealed')).toBeNull();
  for (const wrong of ['1', '2', '3', '4']) {
    await flat.getByLabel('Your answer').fill(wrong);
    await flat.getByRole('button', { name: 'Check' }).click();
  }
  await expect(flat.locator('[data-feedback]')).toContainText('Not yet');
  await expect(flat.locator('[data-solution]')).toHaveCount(0);
});

test('printing an assignment gives its summary, and printing a lesson gives a worksheet without solutions or controls', async ({ page }) => {
  await page.goto(await link({ title: 'Print me', due: 'Today', solutions: 'shown', items: [{ lesson: 'convolution-pooling-activation', exercise: 'conv-by-hand' }], widgets: [] }));
  await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-summary]')).toBeVisible();
  await expect(page.locator('[data-items]')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Hand in: save the result file' })).toBeHidden();
  await page.goto('/lessons/convolution-pooling-activation/');
  await expect(page.locator('#exercise-conv-by-hand')).toBeVisible();
  await expect(page.locator('#exercise-conv-by-hand').getByRole('button', { name: 'Check' })).toBeHidden();
  await expect(page.locator('[data-widget-link]').first()).toBeHidden();
  await expect(page.locator('#exercise-conv-by-hand .answer-space')).toBeVisible();
});

test('the builder keeps an unfinished draft across a reload', async ({ page }) => {
  await page.goto('/assignment/build/');
  await expect(page.locator('[data-builder]')).toHaveAttribute('data-state', 'ready');
  const lesson = page.locator('details.lesson', { has: page.locator('input[value="convolution-pooling-activation/conv-by-hand"]') });
  await lesson.locator('summary').click();
  await lesson.locator('input[value="convolution-pooling-activation/flat-region"]').check();
  await lesson.locator('input[value="convolution-pooling-activation/conv-by-hand"]').check();
  await page.getByLabel('Due (free text)').fill('Monday');
  await page.reload();
  await expect(page.locator('[data-builder]')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-selected] > li')).toHaveCount(2);
  await expect(page.locator('[data-selected] > li').first()).toHaveAttribute('data-item', 'convolution-pooling-activation/flat-region');
  await expect(page.getByLabel('Due (free text)')).toHaveValue('Monday');
  // Without a title the link is still made, titled "Assignment".
  const made = new URL(await page.locator('[data-link]').inputValue());
  await page.goto(`${made.pathname}${made.search}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assignment');
});

for (const [width, scheme] of [
  [1280, 'light'],
  [375, 'dark'],
] as const) {
  test(`an assignment with a widget, a reflection and its summary has no serious accessibility violations at ${width} px (${scheme})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(await link({ title: 'Week 3', due: 'Friday', solutions: 'shown', items: [{ lesson: 'occlusion-and-saliency', exercise: 'occlusion-positions' }, { lesson: 'trusting-heatmaps', exercise: 'which-check-first' }], widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: ['class'], hide: ['stride'] }] }));
    await expect(page.locator('[data-assignment-view]')).toHaveAttribute('data-state', 'ready');
    await page.locator('#occlusion-explorer').scrollIntoViewIfNeeded();
    await expect(page.locator('#occlusion-explorer')).toHaveAttribute('data-ready', 'true');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
