import { expect, test } from '../../fixtures.ts';

/** SwiftShader WebGL takes far longer than the default 15 s for these widgets. */
const SLOW = { timeout: 180_000 };
test.describe.configure({ timeout: 300_000 });
/** Restoring a state is the same on every backend: checked on wasm (on webgl it cost over a minute of CI). */
test.skip(({ backend }) => backend !== 'wasm', 'restoring state is checked on wasm');

test('a scene widget comes back after a reload with the scene and the class the reader chose', async ({ page, open }) => {
  await open('/lessons/cam-and-grad-cam/');
  const explorer = page.locator('#grad-cam-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer).toHaveAttribute('data-ready', 'true', SLOW);
  await explorer.locator('[data-scene-next]').click();
  await explorer.locator('[data-class]').selectOption('8');
  await expect(explorer).toHaveAttribute('data-class-index', '8', SLOW);

  await page.reload();
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer).toHaveAttribute('data-class-index', '8', SLOW);
  await expect(explorer.locator('[data-scene-index]')).toHaveValue('1');
  await expect(explorer.locator('[data-class]')).toHaveValue('8');
  // The next scene starts from its own first object's class again.
  await explorer.locator('[data-scene-next]').click();
  await expect(explorer.locator('[data-scene-index]')).toHaveValue('2');
  await expect(explorer.locator('[data-class] option:checked')).toContainText('(in the image)');
});

test('a trust widget comes back after a reload with the object the reader chose', async ({ page, open }) => {
  await open('/lessons/trusting-heatmaps/');
  const widget = page.locator('#deletion-insertion');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);
  await widget.locator('[data-object]').selectOption('1');
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);

  await page.reload();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);
  await expect(widget.locator('[data-object]')).toHaveValue('1');
  await widget.locator('[data-scene-next]').click();
  await expect(widget.locator('[data-object]')).toHaveValue('0');
});
