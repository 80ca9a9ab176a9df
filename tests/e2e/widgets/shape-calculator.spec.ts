import { LESSON, expect, ready, test } from '../fixtures.ts';

test('the output size follows the formula and a real convolution agrees', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'shape-calculator');
  const widget = page.locator('#shape-calculator');
  await expect(widget.locator('[data-o]')).toHaveText('32');
  await widget.getByLabel('Input size N').fill('7');
  await widget.getByLabel('Padding P').fill('0');
  await expect(widget.locator('[data-o]')).toHaveText('3');
  await expect(widget.locator('[data-check]')).toHaveAttribute('data-shape', '3x3');
  await widget.getByLabel('Input size N').fill('8');
  await expect(widget.locator('[data-note]')).toContainText('the last 1 padded row is never covered');
  await widget.getByLabel('Kernel size K').fill('11');
  await expect(widget.locator('[data-formula]')).toContainText('outputSize(k): expected at most N + 2P = 8, got 11');
});
