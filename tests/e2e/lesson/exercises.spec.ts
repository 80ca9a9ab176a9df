import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { plainRuns, sourceExercises } from './mdx-exercises.ts';

test.skip(({ backend }) => backend !== 'wasm', 'exercises check in the page, not in the engine; the widget task here runs the engine on wasm');

const EXERCISES = sourceExercises();
const CONV = '/lessons/convolution-pooling-activation/';

function builtText(dir = 'dist'): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) text += builtText(path);
    else if (/\.(html|js|mjs|json|css|xml|txt)$/.test(name)) text += `${readFileSync(path, 'utf8')}\n`;
  }
  return text;
}

test('no answer and no worked solution can be read in the built site', () => {
  const site = builtText();
  expect(EXERCISES.length).toBeGreaterThanOrEqual(75);
  expect(site).not.toContain('data-answer');
  let solutionRuns = 0;
  for (const exercise of EXERCISES) {
    const where = `${exercise.lesson}#${exercise.id}`;
    // The control: the same reading finds the question in the site, so a solution it does not find is really absent.
    const asked = plainRuns(exercise.question);
    if (asked.length) expect(asked.some((run) => site.includes(run)), `${where}: question text`).toBe(true);
    for (const run of plainRuns(exercise.solution)) {
      if (exercise.tag.includes(run)) continue; // quoted by a slip's feedback, which is meant to be shown
      solutionRuns += 1;
      expect(site.includes(run), `${where}: solution text "${run}"`).toBe(false);
    }
    // Nothing the page shows before a check (hint, slip feedback) states a number answer.
    if (exercise.answer && /^-?\d*\.?\d+$/.test(exercise.answer) && exercise.answer.replace(/[-.]/g, '').length >= 2) {
      const html = readFileSync(`dist/lessons/${exercise.lesson}/index.html`, 'utf8');
      const tag = html.match(new RegExp(`<section[^>]*data-exercise-id="${exercise.id}"[^>]*>`))![0];
      const shown = [...tag.matchAll(/data-(?:hint|slips)="([^"]*)"/g)].map((m) => m[1]).join(' ');
      expect(shown, `${where}: hint and feedback`).not.toMatch(new RegExp(`(^|[^0-9.])${exercise.answer.replace('.', '\\.')}(?![0-9])`));
    }
  }
  expect(solutionRuns).toBeGreaterThan(150);
});

test('a right answer is accepted, a slip gets its own feedback, and the worked solution opens only once earned', async ({ page }) => {
  const source = EXERCISES.find((e) => e.id === 'conv-by-hand')!;
  const forgotBias = source.slips.find((s) => s.value === '-10')!.feedback;
  await page.goto(CONV);
  const exercise = page.locator('#exercise-conv-by-hand');
  const solution = exercise.locator('[data-solution]');
  const input = exercise.getByLabel('Your answer');
  await expect(solution).toBeHidden();
  await expect(solution.locator('[data-solution-body]')).toBeEmpty();
  // The sum of the nine products without the bias: the slip the lesson names.
  await input.fill('-10');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.locator('[data-feedback]')).toHaveText(`Not yet — ${forgotBias} (2 more tries before the worked solution opens.)`);
  await input.fill('9');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.locator('[data-feedback]')).toContainText('sign');
  await expect(solution.locator('[data-solution-body]')).toBeEmpty();
  // Y[1,0] worked out in the lesson's solution: -9, also typed with the minus sign KaTeX prints.
  await input.fill('\u22129');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.locator('[data-feedback]')).toContainText('Correct');
  await expect(solution).toBeVisible();
  await expect(solution).toContainText(plainRuns(source.solution)[0]!);
  await expect(exercise.locator('[data-status]')).toHaveText('Solved');
  await page.reload();
  await expect(page.locator('#exercise-conv-by-hand').getByLabel('Your answer')).toHaveValue('\u22129');
  await expect(page.locator('#exercise-conv-by-hand')).toHaveAttribute('data-state', 'correct');
  await expect(page.locator('#exercise-conv-by-hand [data-solution]')).toBeVisible();
});

test('three wrong answers open the worked solution, and asking for it first is recorded', async ({ page }) => {
  await page.goto(CONV);
  const flat = page.locator('#exercise-flat-region');
  for (const wrong of ['1', '2', '3']) {
    await flat.getByLabel('Your answer').fill(wrong);
    await flat.getByRole('button', { name: 'Check' }).click();
  }
  await expect(flat.locator('[data-feedback]')).toContainText('The worked solution is now open below.');
  await expect(flat.locator('[data-solution]')).toBeVisible();
  await expect(flat.locator('[data-status]')).toHaveText('Not solved yet');

  const params = page.locator('#exercise-conv-params');
  await params.getByRole('button', { name: 'Show solution' }).click();
  await expect(params.locator('[data-solution]')).toHaveAttribute('open', '');
  await params.getByLabel('Your answer').fill('448');
  await params.getByRole('button', { name: 'Check' }).click();
  await expect(params.locator('[data-status]')).toHaveText('Solved after seeing the solution');
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem('glassbox:exercise:/lessons/convolution-pooling-activation:conv-params')!));
  expect(record).toMatchObject({ answer: '448', correct: true, attempts: 1, revealed: 'asked' });
  expect(Date.parse(record.revealedAt)).toBeLessThanOrEqual(Date.parse(record.solvedAt));
});

test('a widget task passes only when the live widget’s result meets its condition, and keeps the state that passed', async ({ page }) => {
  const occlusionAt = (top: number, left: number) =>
    Buffer.from(JSON.stringify({ widget: 'occlusion-explorer', image: { kind: 'dataset', dataset: 'objects-scenes-2', index: 0 }, params: { patch: 16, stride: 4, top, left }, seed: 0 })).toString('base64url');
  const task = page.locator('#exercise-occlusion-below');
  const score = page.locator('#occlusion-explorer [data-score]');
  for (const [top, left, pass] of [
    [8, 8, false],
    [28, 28, true],
  ] as const) {
    await page.goto(`/lessons/occlusion-and-saliency/?backend=wasm&state.occlusion-explorer=${occlusionAt(top, left)}`);
    await page.locator('#occlusion-explorer').scrollIntoViewIfNeeded();
    await expect(score).toHaveAttribute('data-top', String(top));
    const shown = Number(await score.getAttribute('data-probability'));
    expect(shown < 0.2).toBe(pass);
    await task.getByRole('button', { name: 'Check the widget' }).click();
    // The check recomputes through the engine; its probability is the one the widget shows.
    await expect(task.locator('[data-feedback]')).toContainText(`with it (patch 16 × 16 at row ${top}, column ${left})`);
    await expect(task.locator('[data-feedback]')).toContainText(shown.toFixed(3));
    await expect(task.locator('[data-feedback]')).toContainText(pass ? 'Correct!' : 'not below 0.2 yet');
  }
  const record = await page.evaluate(() => JSON.parse(localStorage.getItem('glassbox:exercise:/lessons/occlusion-and-saliency:occlusion-below')!));
  expect(record).toMatchObject({ correct: true, attempts: 2, passedState: { widget: 'occlusion-explorer', params: { patch: 16, top: 28, left: 28 } } });
});

test('a reflection is saved, not graded, and comes back after a reload', async ({ page }) => {
  await page.goto('/lessons/trusting-heatmaps/');
  const reflection = page.locator('#exercise-which-check-first');
  await reflection.getByRole('textbox').fill('The randomisation test first: a map that survives it explains nothing.');
  await reflection.getByRole('button', { name: 'Save' }).click();
  await expect(reflection.locator('[data-status]')).toHaveText('Saved');
  await page.reload();
  await expect(page.locator('#exercise-which-check-first').getByRole('textbox')).toHaveValue('The randomisation test first: a map that survives it explains nothing.');
});

test('the progress page shows each exercise as this browser remembers it', async ({ page }) => {
  await page.goto(CONV);
  const conv = page.locator('#exercise-conv-by-hand');
  await conv.getByLabel('Your answer').fill('-9');
  await conv.getByRole('button', { name: 'Check' }).click();
  const flat = page.locator('#exercise-flat-region');
  await flat.getByLabel('Your answer').fill('5');
  await flat.getByRole('button', { name: 'Check' }).click();
  await expect(flat).toHaveAttribute('data-state', 'wrong');
  await page.goto('/progress/');
  const count = EXERCISES.filter((e) => e.lesson === 'convolution-pooling-activation').length;
  const lesson = page.locator('[data-progress-lesson]', { has: page.locator('[data-exercise-id="conv-by-hand"]') });
  await expect(lesson.locator('[data-lesson-count]')).toHaveText(`1 of ${count} done`);
  await expect(lesson.locator('[data-exercise-id="conv-by-hand"] [data-status]')).toHaveText('Solved');
  await expect(lesson.locator('[data-exercise-id="flat-region"] [data-status]')).toHaveText('Not solved yet');
  await expect(page.locator('[data-total]')).toHaveText(`1 of ${EXERCISES.length} exercises done in this browser.`);
});

test('a search task in the top-patches widget passes on a channel with eight or more flowers among its top nine, and not on one with seven', async ({ page }) => {
  const view = Buffer.from(JSON.stringify({ widget: 'top-patches', params: { layer: 'last_relu', channel: 21, k: 9, images: 500, pick: 0 }, seed: 90001 })).toString('base64url');
  const widget = page.locator('#top-patches');
  const task = page.locator('#exercise-last-relu-flowers');
  const summary = widget.locator('[data-summary]');
  await page.goto(`/lessons/maximally-activating-patches/?backend=wasm&state.top-patches=${view}`);
  await widget.scrollIntoViewIfNeeded();
  // Measured in the widget itself: channel 21 has 7 flowers among its top nine, channel 32 has 9 (class 9 is "flower").
  for (const [channel, pass] of [
    [21, false],
    [32, true],
  ] as const) {
    if (channel !== 21) {
      await widget.locator('[data-channel]').fill(String(channel));
      await widget.locator('[data-channel]').dispatchEvent('change');
    }
    await expect(widget).toHaveAttribute('data-channel', String(channel), { timeout: 60_000 });
    await expect(summary).toHaveAttribute('data-top-class', '9');
    const flowers = await summary.getAttribute('data-top-count');
    await task.getByRole('button', { name: 'Check the widget' }).click();
    await expect(task.locator('[data-feedback]')).toContainText(`${flowers} of the nine strongest patches of last_relu, channel ${channel}, come from flowers`, { timeout: 60_000 });
    await expect(task.locator('[data-feedback]')).toContainText(pass ? 'Correct!' : 'Not yet');
    expect(Number(flowers) >= 8).toBe(pass);
  }
});
