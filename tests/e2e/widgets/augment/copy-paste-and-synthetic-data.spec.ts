import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, ready, test } from '../../fixtures.ts';

const LESSON = '/lessons/copy-paste-and-synthetic-data/';

test.skip(({ backend }) => backend === 'cpu', 'the Copy-Paste lab and the gallery compute in plain JavaScript, no tensors: a second backend runs the same code');
const ID = 'copy-paste-lab';
const atlas = loadAtlas();
const SIZE = 64;

/** What Copy-Paste should give, recomputed here from the two regenerated scenes and the op the lab shows. */
function expected(target: number, source: number, paste: boolean[]) {
  const a = sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, target, { count: 2 });
  const b = sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, source, { count: 3 });
  const chosen = b.objects.filter((_, k) => paste[k]);
  const covered = (p: number) => chosen.some((o) => o.mask[p] === 1);
  const box = (mask: ArrayLike<number>) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let p = 0; p < SIZE * SIZE; p++) if (mask[p]) xs.push(p % SIZE), ys.push(Math.floor(p / SIZE));
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs) + 1, Math.max(...ys) + 1];
  };
  const kept = a.objects.map((o) => ({ classIndex: o.classIndex, mask: Array.from(o.mask, (v, p) => (v && !covered(p) ? 1 : 0)) })).filter((o) => o.mask.some(Boolean));
  const objects = [...kept, ...chosen.map((o) => ({ classIndex: o.classIndex, mask: Array.from(o.mask) }))];
  const image = Array.from({ length: SIZE * SIZE * 3 }, (_, i) => (covered(Math.floor(i / 3)) ? b.image[i]! : a.image[i]!));
  return { a, objects: objects.map((o) => ({ ...o, box: box(o.mask) })), image, dropped: a.objects.flatMap((o, k) => (o.mask.some((v, p) => v && !covered(p)) ? [] : [k])) };
}

async function shown(page: Page) {
  const root = page.locator(`#${ID}`);
  const read = async (name: string) => JSON.parse((await root.getAttribute(`data-${name}`))!);
  return { op: await read('op'), masks: (await read('masks')) as string[], boxes: await read('boxes'), classes: await read('classes'), dropped: await read('dropped') };
}

test.describe('Copy-Paste lab', () => {
  test.beforeEach(async ({ page, open }) => {
    await open(LESSON);
    await ready(page, ID);
  });

  test('the masks, boxes, classes and dropped objects equal a recomputation, for several seeds and pairs', async ({ page }) => {
    const root = page.locator(`#${ID}`);
    const cases = [
      { target: 22, source: 23, seed: 8 },
      { target: 22, source: 23, seed: 7 },
      { target: 5, source: 9, seed: 3 },
    ];
    for (const { target, source, seed } of cases) {
      await root.locator('[data-target]').fill(String(target));
      await root.locator('[data-target]').dispatchEvent('change');
      await root.locator('[data-source]').fill(String(source));
      await root.locator('[data-source]').dispatchEvent('change');
      await root.locator('[data-seed]').fill(String(seed));
      await root.locator('[data-seed]').dispatchEvent('change');
      await expect(root).toHaveAttribute('data-drawn', `${target}/${source}/${seed}/true`);
      const view = await shown(page);
      const want = expected(target, source, view.op.paste);
      expect(view.classes, `pair ${target}/${source} seed ${seed}`).toEqual(want.objects.map((o) => o.classIndex));
      expect(view.boxes).toEqual(want.objects.map((o) => o.box));
      expect(view.masks).toEqual(want.objects.map((o) => o.mask.join('')));
      expect(view.dropped).toEqual(want.dropped);
    }
  });

  test('the starting view drops the fully hidden car, as the lesson says, and the image is the paste', async ({ page }) => {
    const root = page.locator(`#${ID}`);
    const view = await shown(page);
    expect(view.op.paste.slice(0, 3)).toEqual([true, false, true]);
    const want = expected(22, 23, view.op.paste);
    expect(want.a.objects.map((o) => o.classIndex)).toEqual([6, 4]);
    expect(view.dropped).toEqual([1]);
    await expect(root.locator('[data-fates] tr[data-dropped="true"]')).toContainText('car');
    // Outlines off: the result canvas is the pasted image, pixel for pixel.
    await root.locator('[data-outlines]').setChecked(false);
    await expect(root).toHaveAttribute('data-drawn', '22/23/8/false');
    const { scale, rgba } = await root.locator('[data-tile="result"]').evaluate((c: HTMLCanvasElement) => ({ scale: c.width / 64, rgba: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data) }));
    const wrong: string[] = [];
    for (let p = 0; p < SIZE * SIZE; p++) {
      const [i, j] = [Math.floor(p / SIZE), p % SIZE];
      const at = ((i * scale + scale / 2) * SIZE * scale + j * scale + scale / 2) * 4;
      for (let ch = 0; ch < 3; ch++) if (Math.abs(rgba[at + ch]! - want.image[p * 3 + ch]! * 255) > 1) wrong.push(`(${i}, ${j}) channel ${ch}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the accuracy figures in the prose are the model card\'s', async ({ page }) => {
    const card = JSON.parse(readFileSync('public/models/objects-cnn/card.json', 'utf8'));
    const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(text).toContain(`reaches ${pct(card.metrics.heldOutAccuracy)} on ${card.metrics.heldOut.count.toLocaleString('en')} held-out images`);
    expect(text).toContain(`but ${pct(card.metrics.unseenStyleAccuracy)} on ${card.metrics.unseenStyle.count.toLocaleString('en')} images`);
  });

  for (const width of [1280, 375]) {
    test(`no serious accessibility violations at ${width} px`, async ({ page }) => {
      // axe reads the whole long lesson (KaTeX included): on a busy machine that alone can take most of a minute.
      test.slow();
      await page.setViewportSize({ width, height: 900 });
      await ready(page, 'objects-gallery');
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
