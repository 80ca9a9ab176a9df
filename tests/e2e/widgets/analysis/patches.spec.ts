import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneBatch } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, ready, tensorCount, test } from '../../fixtures.ts';
import { installReplay } from '../../reference/replay.ts';

const LESSON = '/lessons/maximally-activating-patches/';
/** Held-out images the top-patches widget scans in these tests (its smallest menu choice). */
const IMAGES = 250;
const LAYER = 'conv_2';

/** A widget state as a `?state.<id>=` link parameter. */
function stateLink(id: string, state: object): string {
  return `state.${id}=${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
}

/**
 * r, j and start of each layer of objects-cnn, by hand from its saved model.json
 * (Araujo et al. 2019): TensorFlow's "same" padding of a k x k stride-s layer on an
 * n-pixel input adds max((ceil(n/s) - 1) s + k - n, 0) pixels, the smaller half first.
 */
function handFields(): Map<string, { r: number; j: number; start: number }> {
  const json = JSON.parse(readFileSync('public/models/objects-cnn/model.json', 'utf8'));
  const layers = (json.modelTopology.model_config ?? json.modelTopology).config.layers as { class_name: string; config: Record<string, unknown> & { name: string } }[];
  const fields = new Map<string, { r: number; j: number; start: number }>();
  let [r, j, start, n] = [1, 1, 0, 64];
  for (const { class_name: type, config } of layers) {
    if (type === 'Conv2D' || type === 'MaxPooling2D') {
      const k = ((config['kernel_size'] ?? config['pool_size']) as number[])[0]!;
      const s = ((config['strides'] ?? config['pool_size']) as number[])[0]!;
      const out = config['padding'] === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
      const p = config['padding'] === 'same' ? Math.floor(Math.max((out - 1) * s + k - n, 0) / 2) : 0;
      [r, j, start, n] = [r + (k - 1) * j, j * s, start - p * j, out];
    }
    fields.set(config.name, { r, j, start });
  }
  return fields;
}

/** The channel's largest activation in each held-out image, through the replayed weights (not the widget's engine code). */
async function referenceMaxima(page: Page, layer: string, channel: number): Promise<number[]> {
  const { x } = sceneBatch(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 0, IMAGES, { count: 1 });
  const bytes = Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');
  await installReplay(page);
  return page.evaluate(async ({ bytes, layer, channel, count }) => {
    const replay = await window.glassboxReplay!('objects-cnn');
    const { tf } = replay;
    const raw = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
    const images = new Float32Array(raw.buffer);
    const maxima: number[] = [];
    for (let start = 0; start < count; start += 25) {
      const m = tf.tidy(() => {
        const a = replay.run(tf.tensor4d(images.subarray(start * 12288, (start + 25) * 12288), [25, 64, 64, 3]), null, layer);
        return a.slice([0, 0, 0, channel], [-1, -1, -1, 1]).max([1, 2, 3]);
      });
      maxima.push(...(await m.data()));
      m.dispose();
    }
    replay.dispose();
    return maxima;
  }, { bytes, layer, channel, count: IMAGES });
}

async function shownPatches(page: Page): Promise<{ value: number; image: number; row: number; col: number; cls: number; field: string }[]> {
  return page.locator('#top-patches [data-patch]').evaluateAll((items) =>
    items.map((item) => {
      const d = (item as HTMLElement).dataset;
      return { value: Number(d['value']), image: Number(d['image']), row: Number(d['row']), col: Number(d['col']), cls: Number(d['class']), field: d['field']! };
    }),
  );
}

test.describe.configure({ timeout: 120_000 });

test('top patches: the strongest is the channel maximum over the set, the ranking never rises, fields and classes are right', async ({ page, open }) => {
  await open(LESSON, stateLink('top-patches', { widget: 'top-patches', params: { layer: LAYER, channel: 5, k: 9, images: IMAGES, pick: 0 }, seed: 0 }));
  await ready(page, 'top-patches');
  const root = page.locator('#top-patches');
  await expect(root).toHaveAttribute('data-channel', '5');
  const patches = await shownPatches(page);
  expect(patches).toHaveLength(9);
  for (let i = 1; i < patches.length; i++) expect(patches[i]!.value).toBeLessThanOrEqual(patches[i - 1]!.value);

  const maxima = await referenceMaxima(page, LAYER, 5);
  const ranked = maxima.map((value, image) => ({ value, image })).sort((a, b) => b.value - a.value);
  expect(patches[0]!.value).toBeCloseTo(Math.max(...maxima), 4);
  patches.forEach((patch, i) => expect(patch.value).toBeCloseTo(ranked[i]!.value, 4));
  // One unit per image: nine different images, each the one with that rank.
  expect(new Set(patches.map((p) => p.image)).size).toBe(9);
  expect(patches.map((p) => maxima[p.image]!)).toEqual(patches.map((_, i) => ranked[i]!.value));

  const { y } = sceneBatch(loadAtlas(), OBJECTS_SPLITS.heldOut.seed, 0, IMAGES, { count: 1 });
  const { r, j, start } = handFields().get(LAYER)!;
  for (const patch of patches) {
    expect(patch.cls).toBe(y[patch.image]);
    const [top, left] = [start + patch.row * j, start + patch.col * j];
    expect(patch.field).toBe([top, left, top + r, left + r].join(','));
  }
  const summary = root.locator('[data-summary]');
  const topClass = Number(await summary.getAttribute('data-top-class'));
  await expect(summary).toHaveAttribute('data-top-count', String(patches.filter((p) => p.cls === topClass).length));

  const { violations } = await new AxeBuilder({ page }).include('#top-patches').include('#field-explorer').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Clicking a patch shows its whole image with the same field.
  await root.locator('[data-patch="2"] button').click();
  await expect(root.locator('[data-detail-canvas]')).toHaveAttribute('data-field', patches[2]!.field);
  await expect(root.locator('[data-detail-canvas]')).toHaveAttribute('data-image', String(patches[2]!.image));
});

test('top patches: another channel gives other patches, without a new scan and without leaking tensors', async ({ page, open }) => {
  await open(LESSON, stateLink('top-patches', { widget: 'top-patches', params: { layer: LAYER, channel: 5, k: 9, images: IMAGES, pick: 0 }, seed: 0 }));
  await ready(page, 'top-patches');
  const root = page.locator('#top-patches');
  const first = await shownPatches(page);
  const before = await tensorCount(page);
  await root.getByRole('button', { name: 'Next channel' }).click();
  await expect(root).toHaveAttribute('data-channel', '6');
  await expect(root).toHaveAttribute('data-ready', 'true');
  const second = await shownPatches(page);
  expect(second.map((p) => `${p.image}:${p.row}:${p.col}`)).not.toEqual(first.map((p) => `${p.image}:${p.row}:${p.col}`));
  for (let i = 1; i < second.length; i++) expect(second[i]!.value).toBeLessThanOrEqual(second[i - 1]!.value);
  await root.getByRole('button', { name: 'Previous channel' }).click();
  await expect(root).toHaveAttribute('data-channel', '5');
  expect(await shownPatches(page)).toEqual(first);
  expect(await tensorCount(page)).toBe(before);
  // The set was scanned once; channels are ranked from it.
  await expect(root).toHaveAttribute('data-scans', '1');
});

test('receptive field: the table and the drawn box match the architecture, worked out by hand', async ({ page, open }) => {
  await open(LESSON, stateLink('field-explorer', { widget: 'receptive-field', image: { kind: 'dataset', dataset: 'objects-held-out-1', index: 0 }, params: { layer: 'last_conv' }, seed: 0 }));
  await ready(page, 'field-explorer');
  const root = page.locator('#field-explorer');
  const fields = handFields();
  for (const [name, { r, j, start }] of fields) {
    const row = root.locator(`tr[data-layer="${name}"] td`);
    if ((await row.count()) === 0) continue;
    await expect(row.nth(4)).toHaveText(String(r));
    await expect(row.nth(5)).toHaveText(String(j));
    await expect(row.nth(6)).toHaveText(String(start).replace('-', '−'));
  }
  const { r, j, start } = fields.get('last_conv')!;
  expect([r, j, start]).toEqual([29, 4, -12]);
  const map = root.locator('[data-map="layer"] canvas');
  const canvas = root.locator('[data-field-canvas]');
  await map.focus();
  await expect(canvas).toHaveAttribute('data-unit', '0,0');
  // Unit (0, 0): a 29 x 29 field from -12, of which rows and columns 0-16 are in the image.
  await expect(canvas).toHaveAttribute('data-field', '-12,-12,17,17');
  await expect(canvas).toHaveAttribute('data-clipped', '0,0,17,17');
  for (let i = 0; i < 3; i++) await map.press('ArrowDown');
  for (let i = 0; i < 5; i++) await map.press('ArrowRight');
  await expect(canvas).toHaveAttribute('data-unit', '3,5');
  const [top, left] = [start + 3 * j, start + 5 * j];
  await expect(canvas).toHaveAttribute('data-field', [top, left, top + r, left + r].join(','));
  await expect(root.locator('[data-sum]')).toContainText(`top = start + u·j = ${start} + 3·${j} = ${top}`.replace(/-/g, '−'));
  // The solid outline is drawn where the box says: the field colour at its top-left corner.
  const margin = 13;
  const corner = await canvas.evaluate((c: HTMLCanvasElement, at: number[]) => Array.from(c.getContext('2d')!.getImageData(at[0]!, at[1]!, 1, 1).data), [(left + margin) * 5 + 1, (top + margin) * 5 + 1]);
  expect(corner.slice(0, 3)).toEqual([0xf0, 0xb4, 0x00]);
  // Another layer: conv_0's 3 x 3 field with jump 2.
  await root.locator('select[data-layer]').selectOption('conv_0');
  await expect(root.locator('tr.chosen')).toHaveAttribute('data-layer', 'conv_0');
  const before = await canvas.getAttribute('data-unit');
  await map.press('ArrowRight');
  // The key is handled after the press returns: read the unit once it has moved.
  await expect(canvas).not.toHaveAttribute('data-unit', before!);
  const c0 = fields.get('conv_0')!;
  const unit = (await canvas.getAttribute('data-unit'))!.split(',').map(Number);
  const [t0, l0] = [c0.start + unit[0]! * c0.j, c0.start + unit[1]! * c0.j];
  await expect(canvas).toHaveAttribute('data-field', [t0, l0, t0 + c0.r, l0 + c0.r].join(','));
});
