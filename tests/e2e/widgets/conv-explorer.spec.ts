import { LESSON, expect, ready, test } from '../fixtures.ts';
import type { Page } from '@playwright/test';

const WIDGET = '#conv-explorer';

/** Points at output pixel (i, j) of the feature map. */
async function hover(page: Page, i: number, j: number, size: number): Promise<void> {
  const canvas = page.locator(`${WIDGET} [data-map="output"] canvas`);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + ((j + 0.5) / size) * box.width, box.y + ((i + 0.5) / size) * box.height);
}

/** The numbers the read-out shows: kernel weights, input values, bias and the engine's Y. */
async function readout(page: Page) {
  const cells = page.locator(`${WIDGET} [data-products] td`);
  await expect(cells).toHaveCount(9);
  const k = await cells.evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset['k'])));
  const x = await cells.evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset['x'])));
  const sum = page.locator(`${WIDGET} [data-sum]`);
  const y = Number(await sum.getAttribute('data-y'));
  const b = Number(await sum.getAttribute('data-b'));
  return { k, x, y, b };
}

/** Grey levels of the camera photo, computed here independently of the engine: BT.601 luma of the 64 x 64 centre crop. */
async function cameraGray(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const bitmap = await createImageBitmap(await (await fetch('/images/camera.jpg')).blob());
    const canvas = new OffscreenCanvas(64, 64);
    const context = canvas.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    const crop = Math.min(bitmap.width, bitmap.height);
    context.drawImage(bitmap, (bitmap.width - crop) / 2, (bitmap.height - crop) / 2, crop, crop, 0, 0, 64, 64);
    const { data } = context.getImageData(0, 0, 64, 64);
    const gray: number[] = [];
    for (let p = 0; p < data.length; p += 4) gray.push(Math.round(0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!));
    return gray;
  });
}

test.describe('convolution explorer', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, 'conv-explorer');
  });

  test('the hover read-out equals a hand computation of the equation', async ({ page }) => {
    const gray = await cameraGray(page);
    for (const [i, j] of [[20, 30], [0, 0], [63, 10], [40, 63]] as const) {
      await hover(page, i, j, 64);
      await expect(page.locator(`${WIDGET} [data-where]`)).toContainText(`Y[${i}, ${j}]`);
      const { k, x, y, b } = await readout(page);
      // X as the page shows it equals the independently computed grey levels, with zeros in the padding.
      const expectedX = [0, 1, 2].flatMap((u) =>
        [0, 1, 2].map((v) => {
          const r = i + u - 1;
          const c = j + v - 1;
          return r < 0 || r > 63 || c < 0 || c > 63 ? 0 : gray[r * 64 + c]!;
        }),
      );
      expect(x).toEqual(expectedX);
      expect(k).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
      const hand = b + k.reduce((sum, kv, n) => sum + kv * x[n]!, 0);
      expect(y).toBeCloseTo(hand, 3);
    }
  });

  test('a kernel change changes the feature map, and stride and bias follow the equation', async ({ page }) => {
    const output = page.locator(`${WIDGET} [data-map="output"] canvas`);
    const before = await output.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.locator(`${WIDGET} [data-kernel-preset]`).selectOption('identity');
    await expect.poll(() => output.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
    // Identity kernel: Y[i, j] = X[i, j].
    await hover(page, 31, 17, 64);
    let { x, y } = await readout(page);
    expect(y).toBe(x[4]);
    // Stride 2 halves the map; a bias of 10 adds 10 to every output.
    await page.locator(`${WIDGET} [data-stride]`).selectOption('2');
    await expect(page.locator(`${WIDGET} [data-map="output"] [data-map-dims]`)).toHaveText('32 × 32');
    await page.locator(`${WIDGET} [data-bias]`).fill('10');
    await expect(page.locator(`${WIDGET} [data-sum]`)).toHaveAttribute('data-b', '10');
    await hover(page, 5, 9, 32);
    await expect(page.locator(`${WIDGET} [data-where]`)).toContainText('Y[5, 9]');
    ({ x, y } = await readout(page));
    // With s = 2, p = 1 the window of Y[5, 9] is centred on X[10, 18].
    expect(y).toBe(x[4]! + 10);
  });

  test('remembers its settings across a reload', async ({ page }) => {
    await page.locator(`${WIDGET} [data-kernel-preset]`).selectOption('sharpen');
    const saved = () => page.evaluate(() => Object.values(localStorage).join(' '));
    await expect.poll(saved).toContain('"weights":[0,-1,0,-1,5,-1,0,-1,0]');
    await page.reload();
    await ready(page, 'conv-explorer');
    await expect(page.locator(`${WIDGET} [data-kernel-preset]`)).toHaveValue('sharpen');
  });
});
