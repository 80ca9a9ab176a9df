import { expect, test } from '../fixtures.ts';

// An assignment's widget settings, restored on each backend (the rest of the assignment is checked in assignment/).
const OCCLUSION = 'occlusion-and-saliency';
/** A view of the occlusion explorer whose patch hides the fish: the widget task's condition holds (exercises.spec measures it). */
const FISH_HIDDEN = { widget: 'occlusion-explorer', image: { kind: 'dataset', dataset: 'objects-scenes-2', index: 0 }, class: 2, params: { patch: 16, stride: 4, top: 28, left: 28 }, seed: 0 };
const encoded = (state: object) => Buffer.from(JSON.stringify(state)).toString('base64url');

test('the builder’s link restores the exercises in order, the fixed widget view, and the locked and hidden controls', async ({ page, backend }) => {
  await page.goto('/assignment/build/');
  await expect(page.locator('[data-builder]')).toHaveAttribute('data-state', 'ready');
  const lesson = page.locator('details.lesson', { has: page.locator(`input[value="${OCCLUSION}/occlusion-below"]`) });
  await lesson.locator('summary').click();
  await lesson.locator(`input[value="${OCCLUSION}/occlusion-positions"]`).check();
  await lesson.locator(`input[value="${OCCLUSION}/occlusion-below"]`).check();
  await page.getByLabel('Title', { exact: true }).fill('Week 3: occlusion');
  await page.getByLabel('Due (free text)').fill('Friday 18:00');
  const settings = page.locator('.widget-settings', { hasText: 'Occlusion explorer' });
  await settings.locator('[data-start-from]').fill(`http://127.0.0.1/lessons/${OCCLUSION}/?state.occlusion-explorer=${encoded(FISH_HIDDEN)}#occlusion-explorer`);
  await settings.locator('[data-start-from]').dispatchEvent('change');
  await expect(settings.locator('.said')).toHaveText('Starts from that view.');
  for (const control of ['lock:scene-picker', 'lock:class', 'lock:patch', 'hide:stride']) await settings.locator(`[data-control="${control}"]`).check();
  const made = new URL(await page.locator('[data-link]').inputValue());

  await page.goto(`${made.pathname}${made.search}&backend=${backend}`);
  const view = page.locator('[data-assignment-view]');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 3: occlusion');
  await expect(page.locator('[data-due]')).toHaveText('Due: Friday 18:00');
  await expect(page.locator('[data-exercise]')).toHaveCount(2);
  await expect(page.locator('[data-exercise]').nth(0)).toHaveAttribute('data-exercise-id', 'occlusion-positions');
  await expect(page.locator('[data-exercise]').nth(1)).toHaveAttribute('data-exercise-id', 'occlusion-below');
  const widget = page.locator('#occlusion-explorer');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true');
  await expect(widget.locator('[data-patch]')).toBeDisabled();
  await expect(widget.locator('[data-patch]')).toHaveValue('16');
  await expect(widget.locator('[data-class]')).toBeDisabled();
  await expect(widget.locator('[data-stride]')).toBeHidden();
  for (const input of await widget.locator('[data-scene-picker] input, [data-scene-picker] select, [data-scene-picker] button').all()) await expect(input).toBeDisabled();
  await expect(widget.locator('[data-score]')).toHaveAttribute('data-top', '28');
  await expect(widget.locator('[data-score]')).toHaveAttribute('data-size', '16');
  // The fixed view passes the widget task, computed on this backend.
  const task = page.locator('#exercise-occlusion-below');
  await task.getByRole('button', { name: 'Check the widget' }).click();
  await expect(task.locator('[data-feedback]')).toContainText('Correct!');
  await expect(page.locator('[data-done-text]')).toHaveText('1 of 2 done');
});
