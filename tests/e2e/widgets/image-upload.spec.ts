import { LESSON, expect, ready, test } from '../fixtures.ts';

test('a corrupt image file shows an error and the widget keeps working', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'conv-explorer');
  const widget = page.locator('#conv-explorer');
  await widget.locator('[data-file]').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('this is not a png') });
  await expect(widget.locator('[data-image-error]')).toHaveText(/“broken.png” could not be read as an image/);
  const output = widget.locator('[data-map="output"] canvas');
  const before = await output.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await widget.locator('[data-kernel-preset]').selectOption('box-blur');
  await expect.poll(() => output.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
});

test("the reader's own image is used, kept locally, and too-large files are refused", async ({ page, open }) => {
  // Handing a 21 MB file to the page goes through the browser's debugging protocol: over a minute on a busy 2-core machine.
  test.setTimeout(180_000);
  await open(LESSON);
  await ready(page, 'conv-explorer');
  const widget = page.locator('#conv-explorer');
  // A 64 x 64 PNG made in the page (the widget's own size, so no resampling): left half black, right half white.
  const png = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 64);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#000';
    context.fillRect(0, 0, 32, 64);
    context.fillStyle = '#fff';
    context.fillRect(32, 0, 32, 64);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await widget.locator('[data-file]').setInputFiles({ name: 'halves.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(widget.locator('[data-upload-choice]')).toBeChecked();
  // Black 0 | white 255 with the vertical-edge kernel: Y[30, 31] = (1 + 2 + 1) * 255 = 1020.
  const canvas = widget.locator('[data-map="output"] canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + (31.5 / 64) * box.width, box.y + (30.5 / 64) * box.height);
  await expect(widget.locator('[data-sum]')).toHaveAttribute('data-y', '1020');
  // After a reload the saved image is decoded again in the page (no request: the site's policy allows none to data: URLs).
  await page.reload();
  await ready(page, 'conv-explorer');
  await expect(widget.locator('[data-upload-choice]')).toBeChecked();
  await expect(widget.locator('[data-widget-notice]')).toBeEmpty();
  const again = (await canvas.boundingBox())!;
  await page.mouse.move(again.x + (31.5 / 64) * again.width, again.y + (30.5 / 64) * again.height);
  await expect(widget.locator('[data-sum]')).toHaveAttribute('data-y', '1020');
  const big = Buffer.alloc(21 * 1024 * 1024);
  await widget.locator('[data-file]').setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
  await expect(widget.locator('[data-image-error]')).toHaveText(/“huge.jpg” is 21.0 MB; the limit is 20 MB/);
});
