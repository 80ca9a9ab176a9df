import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { TRANSFORMS } from '../../../../src/engine/augment/registry.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/geometric-transforms/';
const ID = 'transform-lab';
/** The scene every ScenePicker starts on (held-out two-object scene no. 0), regenerated here from its seed, with its boxes. */
const scene = sceneAt(loadAtlas(), OBJECTS_SPLITS.scenes.seed, 0, { count: 2 });
const SIZE = scene.size;
type M = number[];

/** The point (x, y) through a 3x3 row-major matrix, written out here rather than taken from the engine. */
function apply(m: M, x: number, y: number): [number, number] {
  const w = m[6]! * x + m[7]! * y + m[8]!;
  return [(m[0]! * x + m[1]! * y + m[2]!) / w, (m[3]! * x + m[4]! * y + m[5]!) / w];
}

/** The inverse by cofactors, computed here. */
function inverse(m: M): M {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d].map((v) => v / det);
}

/** Sets the lab's controls (slider by its input event, menus and boxes by change) and waits for the op drawn from them. */
async function choose(page: Page, settings: { transform: string; amount?: number; interpolation?: string; thenFlip?: boolean; outlines?: boolean }, opHas: string): Promise<void> {
  const root = page.locator(`#${ID}`);
  await root.locator('[data-transform]').selectOption(settings.transform);
  if (settings.interpolation) await root.locator('[data-interpolation]').selectOption(settings.interpolation);
  if (settings.thenFlip !== undefined) await root.locator('[data-then-flip]').setChecked(settings.thenFlip);
  if (settings.outlines !== undefined) await root.locator('[data-outlines]').setChecked(settings.outlines);
  if (settings.amount !== undefined) {
    await root.locator('[data-amount]').evaluate((input: HTMLInputElement, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input'));
    }, settings.amount);
  }
  // Wait for the drawing of exactly these settings: each control's change starts a computation, and only the last one counts.
  const { transform, amount, interpolation, thenFlip, outlines } = settings;
  const want = Object.fromEntries(Object.entries({ transform, amount, interpolation, thenFlip, outlines }).filter(([, v]) => v !== undefined));
  await expect.poll(async () => JSON.parse((await root.getAttribute('data-choice')) ?? '{}')).toMatchObject(want);
  await expect(root).toHaveAttribute('data-op', new RegExp(opHas));
}

async function shown(page: Page): Promise<{ matrix: M; boxes: M[]; maskBoxes: M[]; masks: string[] }> {
  const root = page.locator(`#${ID}`);
  const read = async (name: string) => JSON.parse((await root.getAttribute(`data-${name}`))!);
  return { matrix: await read('matrix'), boxes: await read('boxes'), maskBoxes: await read('mask-boxes'), masks: await read('masks') };
}

test.describe('transform lab', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, ID);
  });

  test('the displayed matrix maps the original box corners to the drawn dashed boxes', async ({ page }) => {
    const root = page.locator(`#${ID}`);
    const cases = [
      { settings: { transform: 'rotate', amount: 30 }, opHas: '"degrees":30' },
      { settings: { transform: 'shear', amount: -20 }, opHas: '"x":-20' },
      { settings: { transform: 'perspective', amount: 0.6 }, opHas: '"corners"' },
      { settings: { transform: 'rotate', amount: 45, thenFlip: true }, opHas: '"degrees":45' },
    ];
    for (const { settings, opHas } of cases) {
      await choose(page, settings, opHas);
      if (settings.thenFlip) await expect(root.locator('[data-matrix-view] figure')).toHaveCount(3);
      const { matrix, boxes } = await shown(page);
      scene.objects.forEach(({ box: [x0, y0, x1, y1] }, k) => {
        const corners = [apply(matrix, x0, y0), apply(matrix, x1, y0), apply(matrix, x0, y1), apply(matrix, x1, y1)];
        const clip = (v: number) => Math.min(SIZE, Math.max(0, v));
        const hull = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))].map(clip);
        hull.forEach((v, i) => expect(boxes[k]![i], `${settings.transform} object ${k} coordinate ${i}`).toBeCloseTo(v, 9));
      });
      // The numbers printed in the matrix panel are the matrix the boxes were moved by.
      const printed = (await root.locator('[data-matrix-view] figure').last().locator('td').allInnerTexts()).map((t) => Number(t.replace('−', '-')));
      printed.forEach((v, i) => expect(v).toBeCloseTo(matrix[i]!, 3));
    }
  });

  test('a 30-degree rotation is the textbook matrix, and its hull is larger than the box of the moved mask', async ({ page }) => {
    await choose(page, { transform: 'rotate', amount: 30 }, '"degrees":30');
    const { matrix, boxes, maskBoxes } = await shown(page);
    const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const expected = [c, s, 32 - 32 * c - 32 * s, -s, c, 32 + 32 * s - 32 * c, 0, 0, 1];
    expected.forEach((v, i) => expect(matrix[i]).toBeCloseTo(v, 9));
    const area = (b: M) => (b[2]! - b[0]!) * (b[3]! - b[1]!);
    boxes.forEach((hull, k) => {
      const fromMask = maskBoxes[k]!;
      expect(area(hull), `object ${k}`).toBeGreaterThan(area(fromMask));
      // The box of the mask lies inside the hull (up to the pixel grid).
      expect(fromMask[0]!).toBeGreaterThanOrEqual(Math.floor(hull[0]!));
      expect(fromMask[2]!).toBeLessThanOrEqual(Math.ceil(hull[2]!));
    });
  });

  for (const [transform, amount, opHas] of [['rotate', 30, '"degrees":30'], ['perspective', 0.6, '"corners"']] as const) {
    test(`${transform}: the moved image and the moved masks agree pixel for pixel`, async ({ page }) => {
      await choose(page, { transform, amount, interpolation: 'nearest', outlines: false }, `"interpolation":"nearest".*${opHas}`);
      const { matrix, masks } = await shown(page);
      const canvas = page.locator(`#${ID} [data-tile="moved"]`);
      const { scale, rgba } = await canvas.evaluate((c: HTMLCanvasElement) => ({ scale: c.width / 64, rgba: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data) }));
      const back = inverse(matrix);
      let objectPixels = 0;
      const wrong: string[] = [];
      for (let i = 0; i < SIZE; i++) {
        for (let j = 0; j < SIZE; j++) {
          const [x, y] = apply(back, j + 0.5, i + 0.5);
          const [row, col] = [Math.floor(y), Math.floor(x)];
          const inside = row >= 0 && row < SIZE && col >= 0 && col < SIZE;
          const src = row * SIZE + col;
          const at = ((i * scale + scale / 2) * SIZE * scale + j * scale + scale / 2) * 4;
          for (let ch = 0; ch < 3; ch++) {
            const want = inside ? scene.image[src * 3 + ch]! * 255 : 0;
            if (Math.abs(rgba[at + ch]! - want) > 1) wrong.push(`image (${i}, ${j}) channel ${ch}: ${rgba[at + ch]} instead of ${want}`);
          }
          scene.objects.forEach((o, k) => {
            // The pixel shows object k exactly when it was read from one of k's pixels: then, and only then, is it in the moved mask.
            const isObject = inside && o.mask[src] === 1;
            if ((masks[k]![i * SIZE + j] === '1') !== isObject) wrong.push(`mask ${k} at (${i}, ${j})`);
            if (isObject) objectPixels++;
          });
        }
      }
      expect(wrong).toEqual([]);
      expect(objectPixels).toBeGreaterThan(100);
    });
  }

  test('photometric transforms leave masks and boxes alone and show no matrix', async ({ page, backend }) => {
    test.skip(backend === 'cpu', 'what this checks does not depend on the backend; the matrix and pixel tests run the lab on cpu');
    await choose(page, { transform: 'hue', amount: 0.25 }, '"hue":0.25');
    const { matrix, boxes } = await shown(page);
    expect(matrix).toBeNull();
    scene.objects.forEach((o, k) => expect(boxes[k]).toEqual([...o.box]));
    await expect(page.locator(`#${ID} [data-matrix-view]`)).toContainText('has no matrix');
  });

  test('the seeded op and every setting come back after a reload', async ({ page, backend }) => {
    test.skip(backend === 'cpu', 'what this checks does not depend on the backend; the matrix and pixel tests run the lab on cpu');
    const root = page.locator(`#${ID}`);
    await choose(page, { transform: 'perspective', amount: 0.8, thenFlip: true }, '"corners"');
    const seedOne = await root.getAttribute('data-op');
    await root.locator('[data-seed]').fill('5');
    await root.locator('[data-seed]').dispatchEvent('change');
    await expect.poll(async () => JSON.parse((await root.getAttribute('data-choice'))!).seed).toBe(5);
    await expect(root).not.toHaveAttribute('data-op', seedOne!);
    const before = await root.getAttribute('data-op');
    const matrix = (await shown(page)).matrix;
    await page.reload();
    await ready(page, ID);
    await expect(root).toHaveAttribute('data-op', before!);
    expect((await shown(page)).matrix).toEqual(matrix);
    await expect(root.locator('[data-then-flip]')).toBeChecked();
    await expect(root.locator('[data-seed]')).toHaveValue('5');
  });

  for (const width of [1280, 375]) {
    test(`no serious accessibility violations at ${width} px`, async ({ page, backend }) => {
      test.skip(backend === 'cpu', 'the page is the same on every backend');
      // axe reads the whole long lesson (KaTeX included): on a busy machine that alone can take most of a minute.
      test.slow();
      await page.setViewportSize({ width, height: 900 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test("the targets table shows every registered transform with the targets its touches declare", async ({ page, backend }) => {
    test.skip(backend === 'cpu', 'what this checks does not depend on the backend; the matrix and pixel tests run the lab on cpu');
    const rows = await page.locator('table:has(caption:has-text("Which targets")) tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent!.trim())));
    for (const [name, t] of TRANSFORMS) {
      const row = rows.find((r) => r[0] === name);
      expect(row, name).toBeDefined();
      expect(row!.slice(1, 4), name).toEqual([t.touches.image, t.touches.boxes, t.touches.masks].map((x) => (x ? '✓' : '·')));
    }
    expect(rows.find((r) => r[0] === 'rotate')![4]).toBe('✓');
    expect(rows.find((r) => r[0] === 'brightness')![4]).toBe('·');
  });
});
