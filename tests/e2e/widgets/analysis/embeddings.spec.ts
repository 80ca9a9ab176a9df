import type { Page } from '@playwright/test';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { sceneAt } from '../../../../src/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, tensorCount, test } from '../../fixtures.ts';
import { installReplay } from '../../reference/replay.ts';

const LESSON = '/lessons/embedding-features/';
/** Held-out images in the set during tests (12 per class on average) and queries in the batch figure. */
const N = 120;
const BATCH = 40;
const K = 8;
/**
 * The bound on the t-SNE map's 5-NN accuracy. Chance is 0.1 (ten balanced classes). The features
 * themselves classify 96.6% of the held-out set correctly through one linear layer, so images of a
 * class do sit together in the 64-d space; t-SNE keeps neighbourhoods, so its 2-D map should keep
 * most of that. On this set (n = 120, 500 iterations, perplexity 30) it gives 0.933 on wasm and cpu,
 * while the flat PCA view of the same embeddings gives 0.35. 0.8 is far above chance and PCA,
 * and leaves room for backend rounding and a short run.
 */
const TSNE_BOUND = 0.8;

test.describe.configure({ timeout: 240_000 });
const SLOW = { timeout: 180_000 };

type Metric = 'cosine' | 'euclidean';

/** The widget's set, regenerated in Node from the same seed: images and classes. */
function heldOut(n: number): { images: Float32Array[]; labels: number[] } {
  const atlas = loadAtlas();
  const scenes = Array.from({ length: n }, (_, i) => sceneAt(atlas, OBJECTS_SPLITS.heldOut.seed, i));
  return { images: scenes.map((s) => s.image), labels: scenes.map((s) => s.objects[0]!.classIndex) };
}

/** objects-cnn's `gap` output for the images, by the test's own replay of the saved model (no engine task code). */
async function referenceFeatures(page: Page, images: Float32Array[]): Promise<number[][]> {
  await installReplay(page);
  return page.evaluate(async (flat) => {
    const replay = await window.glassboxReplay!('objects-cnn');
    const { tf } = replay;
    const rows: number[][] = [];
    for (let start = 0; start < flat.length; start += 20) {
      const part = flat.slice(start, start + 20);
      const out = tf.tidy(() => replay.run(tf.tensor4d(part.flat(), [part.length, 64, 64, 3]), null, 'gap'));
      const values = await out.array();
      out.dispose();
      rows.push(...(values as number[][]));
    }
    replay.dispose();
    return rows;
  }, images.map((image) => Array.from(image)));
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>, metric: Metric): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return metric === 'cosine' ? 1 - dot / Math.sqrt(aa * bb) : Math.sqrt(Math.max(0, aa + bb - 2 * dot));
}

/** The k nearest other members to `query`, by brute force in double precision. */
function topK(rows: ArrayLike<number>[], query: number, k: number, metric: Metric): number[] {
  return rows
    .map((row, i) => ({ i, d: i === query ? Infinity : distance(rows[query]!, row, metric) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, k)
    .map((e) => e.i);
}

function meanShare(rows: ArrayLike<number>[], labels: number[], queries: number, metric: Metric): number {
  let sum = 0;
  for (let q = 0; q < queries; q++) sum += topK(rows, q, K, metric).filter((i) => labels[i] === labels[q]).length / K;
  return sum / queries;
}

/** Leave-one-out 5-NN accuracy of a 2-D layout, written out independently of the engine's knnAccuracy. */
function knn2d(points: number[], labels: number[], k = 5): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const near = labels
      .map((_, j) => ({ j, d: j === i ? Infinity : (points[2 * i]! - points[2 * j]!) ** 2 + (points[2 * i + 1]! - points[2 * j + 1]!) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, k);
    const votes = new Map<number, number>();
    for (const { j } of near) votes.set(labels[j]!, (votes.get(labels[j]!) ?? 0) + 1);
    const top = Math.max(...votes.values());
    // Ties go to the nearest tied neighbour's class.
    const winner = near.find(({ j }) => votes.get(labels[j]!) === top)!;
    if (labels[winner.j] === labels[i]) correct++;
  }
  return correct / labels.length;
}

async function shown(page: Page, space: 'feature' | 'pixel'): Promise<number[]> {
  return page.locator(`#neighbour-explorer [data-space="${space}"] li`).evaluateAll((items) => items.map((li) => Number((li as HTMLElement).dataset['index'])));
}

test('neighbours: features share the query class far more often than pixels, and the thumbnails are the true top k', async ({ page, open }) => {
  await open(LESSON, `emb-n=${N}&emb-batch=${BATCH}`);
  const widget = page.locator('#neighbour-explorer');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-batch-ready', 'true', SLOW);
  const { images, labels } = heldOut(N);
  const features = await referenceFeatures(page, images);

  // The batch figure against the independent computation, in both spaces.
  const plot = widget.locator('[data-batch-plot]');
  const feature = Number(await plot.getAttribute('data-feature'));
  const pixel = Number(await plot.getAttribute('data-pixel'));
  const refFeature = meanShare(features, labels, BATCH, 'cosine');
  const refPixel = meanShare(images, labels, BATCH, 'cosine');
  expect(Math.abs(feature - refFeature)).toBeLessThanOrEqual(0.01);
  expect(Math.abs(pixel - refPixel)).toBeLessThanOrEqual(0.01);
  expect(refFeature).toBeGreaterThan(refPixel + 0.4);
  expect(refFeature).toBeGreaterThan(0.85);

  // The thumbnails shown are the top k of the reference, for two queries and both distances.
  for (const [query, metric] of [[7, 'cosine'], [42, 'euclidean']] as const) {
    if (metric === 'euclidean') {
      await widget.locator('[data-metric]').selectOption('euclidean');
      await widget.locator('[data-query]').fill(String(query));
      await widget.locator('[data-query]').dispatchEvent('change');
    }
    await expect(widget).toHaveAttribute('data-query', String(query));
    await expect(widget.locator('[data-space="pixel"] li')).toHaveCount(K);
    expect(await shown(page, 'feature')).toEqual(topK(features, query, K, metric));
    expect(await shown(page, 'pixel')).toEqual(topK(images, query, K, metric));
    const names = await widget.locator('[data-space="feature"] li span:first-of-type').allInnerTexts();
    expect(names.map((t) => t.replace(/^[✓✗] /, ''))).toEqual(topK(features, query, K, metric).map((i) => ['cat', 'dog', 'fish', 'bird', 'car', 'apple', 'banana', 'tree', 'house', 'flower'][labels[i]!]));
  }

  // Another query and back leaves the page's tensor count where it was.
  const before = await tensorCount(page);
  for (const query of ['3', '42']) {
    await widget.locator('[data-query]').fill(query);
    await widget.locator('[data-query]').dispatchEvent('change');
    await expect(widget).toHaveAttribute('data-query', query);
  }
  expect(await tensorCount(page)).toBe(before);
});

test('the map: t-SNE separates the classes in 2-D, PCA much less, and a click or the keyboard picks the query', async ({ page, open }) => {
  await open(LESSON, `emb-n=${N}&emb-batch=${BATCH}`);
  const map = page.locator('#embedding-map');
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-ready', 'true', SLOW);
  // A shorter run through the widget's own control (a change restarts t-SNE).
  await map.locator('[data-iterations]').selectOption('500');
  await expect(map).toHaveAttribute('data-tsne-done', 'true', SLOW);
  await expect(map).toHaveAttribute('data-iteration', '500');
  const { labels } = heldOut(N);
  const points = JSON.parse((await map.locator('[data-plot]').getAttribute('data-points'))!) as number[];
  expect(points).toHaveLength(2 * N);
  const accuracy = knn2d(points, labels);
  expect(Math.abs(accuracy - Number(await map.getAttribute('data-knn')))).toBeLessThanOrEqual(1 / N + 1e-9);
  expect(accuracy).toBeGreaterThan(TSNE_BOUND);
  await expect(map.locator('[data-plot] canvas')).toHaveAttribute('data-dots', String(N));

  await map.locator('[data-view]').selectOption('pca');
  await expect(map).toHaveAttribute('data-view', 'pca');
  expect(Number(await map.getAttribute('data-knn'))).toBeLessThan(accuracy);

  // Clicking a dot makes that image the neighbour explorer's query. The explorer sits above the map:
  // once its batch figure is written the page no longer shifts under the pointer.
  const explorer = page.locator('#neighbour-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer).toHaveAttribute('data-batch-ready', 'true', SLOW);
  await map.scrollIntoViewIfNeeded();
  // Where the map painted each dot, in its own CSS pixels.
  const screen = async () => JSON.parse((await map.locator('[data-plot] canvas').getAttribute('data-screen'))!) as [number, number][];
  const [x17, y17] = (await screen())[17]!;
  // The canvas itself has paint there: its placement and pixel ratio agree with the positions it publishes.
  const alpha = await map.locator('[data-plot] canvas').evaluate((canvas: HTMLCanvasElement, [x, y]) => {
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    return canvas.getContext('2d')!.getImageData(Math.floor(x! * ratio), Math.floor(y! * ratio), 1, 1).data[3]!;
  }, [x17, y17]);
  expect(alpha).toBeGreaterThan(0);
  await map.locator('[data-plot]').click({ position: { x: x17, y: y17 }, force: true });
  await expect(map.locator('[data-picked]')).toContainText('is now the query');
  const picked = Number(/#(\d+)/.exec((await map.locator('[data-picked]').textContent())!)![1]);
  // The explorer shows the picked image once its neighbours are computed (it starts on another query).
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer).toHaveAttribute('data-query', String(picked), SLOW);
  const at = async (i: number) => {
    const box = (await map.locator('[data-plot]').boundingBox())!;
    const [x, y] = (await screen())[i]!;
    return { x: box.x + x, y: box.y + y };
  };
  const [a, b] = [await at(17), await at(picked)];
  expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeLessThan(6);

  // The keyboard does the same: focus the map (its cursor starts on the picked dot), step with an arrow, pick with Enter.
  await map.scrollIntoViewIfNeeded();
  const plot = map.locator('[data-plot]');
  await plot.blur(); // the click focused it already
  await plot.focus();
  const cursor = async () => Number(/^#(\d+) /.exec((await map.locator('[data-tip] span').textContent())!)![1]);
  await expect(map.locator('[data-tip]')).toBeVisible();
  expect(await cursor()).toBe(picked);
  const box = (await plot.boundingBox())!;
  const leftward = b!.x > box.x + box.width / 2;
  await page.keyboard.press(leftward ? 'ArrowLeft' : 'ArrowRight');
  const moved = await cursor();
  expect(moved).not.toBe(picked);
  const c = (await at(moved))!;
  expect(leftward ? c.x < b!.x : c.x > b!.x).toBe(true);
  await expect(map.locator('[data-cursor]')).toContainText(`Image #${moved}`);
  await page.keyboard.press('Enter');
  await expect(map.locator('[data-picked]')).toContainText(`Image #${moved} `);
  await expect(explorer).toHaveAttribute('data-query', String(moved), SLOW);
});

test('t-SNE pauses, stays put while paused, and resumes to the very layout of an uninterrupted run', async ({ page, open }) => {
  await open(LESSON, `emb-n=${N}&emb-batch=${BATCH}`);
  const map = page.locator('#embedding-map');
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveAttribute('data-tsne-done', 'true', SLOW);
  const points = async () => JSON.parse((await map.locator('[data-plot]').getAttribute('data-points'))!) as number[];
  const uninterrupted = await points();
  const button = map.locator('[data-run]');

  // The same run again, paused at its first reported iteration. At this size a whole run takes about
  // 0.1 s, less than a click from the test takes to arrive, so the page clicks Pause itself; on a busy
  // machine the run can still end before the pause reaches the engine, and then the test tries again.
  for (let attempt = 0; attempt < 5; attempt++) {
    await map.evaluate((root) => new Promise<void>((resolve) => {
      const pause = root.querySelector<HTMLButtonElement>('[data-run]')!;
      const observer = new MutationObserver(() => {
        if (Number(root.getAttribute('data-iteration')) < 1 || pause.textContent !== 'Pause') return;
        observer.disconnect();
        pause.click();
        resolve();
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-iteration'] });
      root.querySelector<HTMLButtonElement>('[data-restart]')!.click();
    }));
    await expect(button).toHaveText(/^(Resume|Run again)$/, SLOW);
    if ((await button.textContent()) === 'Resume') break;
  }
  await expect(button).toHaveText('Resume');
  await expect(map).toHaveAttribute('data-tsne-done', 'false');
  const at = Number(await map.getAttribute('data-iteration'));
  expect(at).toBeLessThan(1000);
  await page.waitForTimeout(500);
  expect(Number(await map.getAttribute('data-iteration'))).toBe(at);
  await expect(map.locator('[data-layout-info]')).toContainText(`paused at iteration ${at} of 1000`);

  // Resume goes on from there: every iteration it reports afterwards is past the pause.
  await map.evaluate((root) => {
    const seen: number[] = ((window as unknown as { seen: number[] }).seen = []);
    new MutationObserver(() => seen.push(Number(root.getAttribute('data-iteration')))).observe(root, { attributes: true, attributeFilter: ['data-iteration'] });
  });
  await button.click();
  await expect(map).toHaveAttribute('data-tsne-done', 'true', SLOW);
  await expect(map).toHaveAttribute('data-iteration', '1000');
  await expect(button).toHaveText('Run again');
  const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.min(...seen)).toBeGreaterThan(at);
  const resumed = await points();
  expect(resumed).toHaveLength(uninterrupted.length);
  resumed.forEach((v, i) => expect(Math.abs(v - uninterrupted[i]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(uninterrupted[i]!))));
});
