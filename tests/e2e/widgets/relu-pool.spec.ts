import { LESSON, expect, ready, test } from '../fixtures.ts';

test('max pooling shows the maximum of the rectified window', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'relu-pool');
  const canvas = page.locator('#relu-pool [data-map="pooled"] canvas');
  await expect(page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('32 × 32');
  for (const [i, j] of [[3, 4], [16, 20], [31, 31]] as const) {
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + ((j + 0.5) / 32) * box.width, box.y + ((i + 0.5) / 32) * box.height);
    await expect(page.locator('#relu-pool [data-where]')).toContainText(`P[${i}, ${j}]`);
    const window = await page.locator('#relu-pool [data-window] td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset['r'])));
    expect(window).toHaveLength(4);
    for (const r of window) expect(r).toBeGreaterThanOrEqual(0);
    const p = Number(await page.locator('#relu-pool [data-pool-sum]').getAttribute('data-p'));
    expect(p).toBe(Math.max(...window));
  }
  // A 3 x 3 window with stride 2 on a 64 x 64 map: floor((64 - 3) / 2) + 1 = 31.
  await page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('31 × 31');
});
