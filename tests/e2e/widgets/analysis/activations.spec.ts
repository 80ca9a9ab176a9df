import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, ready, tensorCount, test } from '../../fixtures.ts';
import { installPageTf } from '../../reference/page-tf.ts';

const LESSON = '/lessons/layer-activations/';
const atlas = loadAtlas();

/** objects-cnn's saved weights, read from the committed files without the engine. */
function savedWeights(): Map<string, { shape: number[]; values: Float32Array }> {
  const json = JSON.parse(readFileSync('public/models/objects-cnn/model.json', 'utf8'));
  const bytes = readFileSync('public/models/objects-cnn/weights.bin');
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  let offset = 0;
  for (const spec of json.weightsManifest[0].weights as { name: string; shape: number[] }[]) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    out.set(spec.name, { shape: spec.shape, values: new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + size * 4)) });
    offset += size * 4;
  }
  return out;
}
const weights = savedWeights();
const kernel0 = weights.get('conv_0/kernel')!.values; // [3, 3, 3, 16]
const bias0 = weights.get('conv_0/bias')!.values;

/** conv_0 by its equation: ReLU(b + sum W x'), x' = 2x - 1, stride 2; "same" pads only bottom and right here. */
function conv0(image: Float32Array, i: number, j: number, k: number): number {
  let z = bias0[k]!;
  for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) for (let c = 0; c < 3; c++) {
    const [r, s] = [2 * i + u, 2 * j + v];
    if (r < 64 && s < 64) z += kernel0[((u * 3 + v) * 3 + c) * 16 + k]! * (2 * image[(r * 64 + s) * 3 + c]! - 1);
  }
  return Math.max(0, z);
}

/** Points at cell (i, j) of a map canvas of side n and returns the read-out's value. */
async function readAt(root: Locator, i: number, j: number, n: number): Promise<number> {
  const canvas = root.locator('[data-map="channel"] canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.hover({ position: { x: ((j + 0.5) / n) * box.width, y: ((i + 0.5) / n) * box.height } });
  const line = root.locator('[data-value]');
  await expect(line).toHaveAttribute('data-i', String(i));
  await expect(line).toHaveAttribute('data-j', String(j));
  return Number(await line.getAttribute('data-value'));
}

test('the activation grid shows A^k(i, j) as the layer equation computes it', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'activation-grid');
  const root = page.locator('#activation-grid');
  const scene = sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, 0, { count: 2 });
  await expect(root).toHaveAttribute('data-layer', 'conv_0');
  await expect(root.locator('[data-grid] button')).toHaveCount(16);
  for (const [k, i, j] of [[5, 20, 12], [15, 21, 14], [2, 3, 30]] as const) {
    await root.locator(`[data-grid] button[data-channel="${k}"]`).click();
    await expect(root).toHaveAttribute('data-channel', String(k));
    const expected = conv0(scene.image, i, j, k);
    expect(expected, 'a unit that fires, so the check is not 0 = 0').toBeGreaterThan(0.05);
    expect(await readAt(root, i, j, 32), `conv_0 channel ${k} at (${i}, ${j})`).toBeCloseTo(expected, 4);
    await expect(root.locator('[data-where]')).toContainText(`rows ${2 * i} to ${2 * i + 2} and columns ${2 * j} to ${2 * j + 2}`);
  }
  // pool_1 is the 2 x 2 maximum of conv_0, and conv_2 is checked with the page's tf ops on the saved weights.
  await root.locator('[data-layer]').selectOption('pool_1');
  await expect(root).toHaveAttribute('data-layer', 'pool_1');
  await root.locator('[data-grid] button[data-channel="5"]').click();
  const pooled = Math.max(...[[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => conv0(scene.image, 20 + a!, 12 + b!, 5)));
  expect(await readAt(root, 10, 6, 16)).toBeCloseTo(pooled, 4);
  await root.locator('[data-layer]').selectOption('conv_2');
  await expect(root).toHaveAttribute('data-layer', 'conv_2');
  // The strongest unit of conv_2 on this image, computed in the page with the tests' own tf ops on the saved weights.
  await installPageTf(page);
  const reference = await page.evaluate(async ({ image, k0, b0, k2, b2 }) => {
    const tf = window.tf!;
    type T4 = ReturnType<typeof tf.tensor4d>;
    const x = tf.tensor4d(image, [1, 64, 64, 3]).mul(2).sub(1) as T4;
    const a0 = tf.relu(tf.conv2d(x, tf.tensor4d(k0, [3, 3, 3, 16]), 2, 'same').add(tf.tensor1d(b0))) as T4;
    const p1 = tf.maxPool(a0, 2, 2, 'valid');
    const a2 = tf.relu(tf.conv2d(p1, tf.tensor4d(k2, [3, 3, 16, 32]), 1, 'same').add(tf.tensor1d(b2)));
    const values = Array.from(await a2.data());
    tf.dispose([x, a0, p1, a2]);
    const best = values.indexOf(Math.max(...values));
    return { value: values[best]!, i: Math.floor(best / (16 * 32)), j: Math.floor(best / 32) % 16, k: best % 32 };
  }, { image: Array.from(scene.image), k0: Array.from(kernel0), b0: Array.from(bias0), k2: Array.from(weights.get('conv_2/kernel')!.values), b2: Array.from(weights.get('conv_2/bias')!.values) });
  await root.locator(`[data-grid] button[data-channel="${reference.k}"]`).click();
  expect(reference.value).toBeGreaterThan(0.05);
  expect(await readAt(root, reference.i, reference.j, 16)).toBeCloseTo(reference.value, 3);
  await expect(root.locator('[data-where]')).toContainText('a 13 × 13 receptive field');
});

test("the reader's own image is scaled to 64 x 64 and computed on", async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'activation-grid');
  const root = page.locator('#activation-grid');
  // A uniform 96 x 80 picture: any crop and resize of it is the same colour, so conv_0 can be computed by hand.
  const colour = [200, 40, 90];
  const png = await page.evaluate(async (rgb) => {
    const canvas = new OffscreenCanvas(96, 80);
    const context = canvas.getContext('2d')!;
    context.fillStyle = `rgb(${rgb.join(',')})`;
    context.fillRect(0, 0, 96, 80);
    return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
  }, colour);
  await root.locator('[data-own-image]').setInputFiles({ name: 'plain.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(root.locator('[data-map="scene"] [data-map-dims]')).toHaveText(/your image/);
  const image = Float32Array.from({ length: 64 * 64 * 3 }, (_, q) => colour[q % 3]! / 255);
  const k = Array.from({ length: 16 }, (_, c) => c).find((c) => conv0(image, 5, 5, c) > 0.05)!;
  await root.locator(`[data-grid] button[data-channel="${k}"]`).click();
  await expect(root).toHaveAttribute('data-channel', String(k));
  expect(await readAt(root, 5, 5, 32)).toBeCloseTo(conv0(image, 5, 5, k), 4);
});

/** RGBA bytes of filter k's tile canvas. */
async function tilePixels(page: Page, k: number): Promise<number[]> {
  return page.locator(`#filter-gallery [data-filter="${k}"] canvas`).evaluate((canvas: HTMLCanvasElement) => Array.from(canvas.getContext('2d')!.getImageData(0, 0, 3, 3).data));
}

test('filter tiles follow T = 1/2 + W / (2m) of the saved kernel, per filter and per layer', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'filter-gallery');
  const root = page.locator('#filter-gallery');
  const filter = (k: number) => Array.from({ length: 27 }, (_, q) => kernel0[q * 16 + k]!);
  const layerBound = Math.max(...Array.from(kernel0, Math.abs));
  for (const scale of ['filter', 'layer'] as const) {
    await root.locator('[data-scale]').selectOption(scale);
    await expect(root).toHaveAttribute('data-scale', scale);
    for (const k of [0, 7, 15]) {
      const w = filter(k);
      const m = scale === 'filter' ? Math.max(...w.map(Math.abs)) : layerBound;
      const pixels = await tilePixels(page, k);
      w.forEach((v, q) => {
        const p = Math.floor(q / 3);
        expect(Math.abs(pixels[p * 4 + (q % 3)]! - Math.round((0.5 + v / (2 * m)) * 255)), `filter ${k}, weight ${q}`).toBeLessThanOrEqual(1);
      });
    }
  }
  // Hovering a tile prints its own weights and bias.
  await root.locator('[data-filter="7"]').hover();
  await expect(root).toHaveAttribute('data-filter', '7');
  expect(Number(await root.getAttribute('data-bias'))).toBeCloseTo(bias0[7]!, 6);
  const printed = (await root.locator('[data-weights] table').first().locator('td').allInnerTexts()).map((t) => Number(t.replace('−', '-')));
  printed.forEach((v, p) => expect(v).toBeCloseTo(kernel0[p * 3 * 16 + 7]!, 3));
});

test('raising the threshold shrinks the mask, and f is measured on the exact object mask', async ({ page, open }) => {
  await open(LESSON);
  await ready(page, 'channel-mask');
  const root = page.locator('#channel-mask');
  const scene = sceneAt(atlas, OBJECTS_SPLITS.heldOut.seed, 0, { count: 1 });
  const objectArea = scene.objects[0]!.mask.reduce((a, b) => a + b, 0);
  await expect(root).toHaveAttribute('data-layer', 'conv_3');
  await expect(root).toHaveAttribute('data-channel', '4');
  const dark = Array.from({ length: 4096 }, (_, p) => Math.max(...[0, 1, 2].map((c) => scene.image[p * 3 + c]!)) < 0.1).filter(Boolean).length;
  let previous = { kept: Infinity, onObject: Infinity };
  const first = { kept: 0, onObject: 0 };
  const tensors = await tensorCount(page);
  for (const tau of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    await root.locator('[data-tau]').fill(String(tau));
    await expect.poll(async () => Number(await root.getAttribute('data-threshold')) / Number(await root.getAttribute('data-max'))).toBeCloseTo(tau, 4);
    const read = async (name: string) => Number(await root.getAttribute(`data-${name}`));
    const [kept, onObject, fraction, share] = [await read('kept'), await read('on-object'), await read('fraction'), await read('object-share')];
    expect(kept, `tau ${tau}`).toBeLessThanOrEqual(previous.kept);
    expect(onObject, `tau ${tau}`).toBeLessThanOrEqual(previous.onObject);
    expect(fraction).toBeCloseTo(kept ? onObject / kept : 0, 5);
    expect(share).toBeCloseTo(objectArea / 4096, 6);
    // The masked figure keeps exactly the mask's pixels at full brightness (dark pixels cannot tell).
    const undimmed = await root.locator('[data-map="masked"] canvas').evaluate((canvas: HTMLCanvasElement, image: number[]) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, 64, 64).data;
      let count = 0;
      for (let p = 0; p < 4096; p++) if ([0, 1, 2].every((c) => Math.abs(data[p * 4 + c]! - Math.round(image[p * 3 + c]! * 255)) <= 1)) count++;
      return count;
    }, Array.from(scene.image));
    expect(Math.abs(undimmed - kept), `tau ${tau}: ${undimmed} undimmed, ${kept} kept`).toBeLessThanOrEqual(dark);
    if (tau === 0.1) Object.assign(first, { kept, onObject });
    previous = { kept, onObject };
  }
  // The threshold really moved the mask: from a broad one at tau = 0.1 to a few peak pixels at 0.9.
  expect(previous.kept).toBeLessThan(first.kept / 2);
  expect(previous.kept).toBeGreaterThan(0);
  expect(await tensorCount(page)).toBe(tensors);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the lesson with its three widgets has no serious accessibility problems (${scheme})`, async ({ page, open }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(LESSON);
    for (const id of ['filter-gallery', 'activation-grid', 'channel-mask']) await ready(page, id);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
