/**
 * The held-out embedding set the lesson's two widgets share: the first n
 * Glassbox Objects held-out images (single objects, never trained on),
 * generated here in short slices and embedded by objects-cnn's `gap` layer in
 * chunks, once per page. Widgets talk through one window event,
 * `glassbox:embedding-query` with `detail: { index }`: the map fires it on a
 * click, the neighbour explorer listens and makes that image its query.
 */
import { compute } from '~/engine/client.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { FeatureSet } from '~/engine/tasks/index.ts';
import { loadObjectAtlas } from '~/components/ui/object-atlas.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';

export const EMBEDDING_QUERY = 'glassbox:embedding-query';
const PIXELS = IMAGE_SIDE * IMAGE_SIDE * 3;
/** Images per forward pass: about 200 million multiply-adds, a few tens of ms on wasm. */
const CHUNK = 16;
/** Longest slice of image generation before the page gets a turn. */
const SLICE_MS = 25;

export interface HeldOutSet {
  n: number;
  /** The engine's copy: features at `gap` and raw pixels, for the neighbour and layout tasks. */
  set: FeatureSet;
  labels: Int32Array;
  /** n rows of 64 features (the embedding), row-major. */
  features: Float32Array;
  dim: number;
  /** n images as RGB bytes, for thumbnails. */
  rgb: Uint8ClampedArray;
  /** Milliseconds to generate and embed the set, and the part of it spent in the model. */
  ms: number;
  embedMs: number;
}

type Listener = (done: number, total: number) => void;
const listeners = new Set<Listener>();
let building: Promise<HeldOutSet> | undefined;

/** Set size: 2,000 (the whole held-out split), or fewer by address (`?emb-n=300`) for quick tests. */
export function setSize(): number {
  const asked = Number(new URLSearchParams(location.search).get('emb-n'));
  return Number.isInteger(asked) && asked >= 50 && asked <= OBJECTS_SPLITS.heldOut.count ? asked : OBJECTS_SPLITS.heldOut.count;
}

/** The page's held-out set, built on first call; `onProgress` hears how many images are embedded. */
function heldOutSet(onProgress?: Listener): Promise<HeldOutSet> {
  if (onProgress) listeners.add(onProgress);
  building ??= build(setSize());
  building.catch(() => (building = undefined));
  return building;
}

async function build(n: number): Promise<HeldOutSet> {
  const start = performance.now();
  const atlas = await loadObjectAtlas();
  const set = await compute('embedding-set', async (tasks) => tasks.createFeatureSet());
  const labels = new Int32Array(n);
  const rgb = new Uint8ClampedArray(n * PIXELS);
  let features: Float32Array | undefined;
  let embedMs = 0;
  const images = new Float32Array(CHUNK * PIXELS);
  for (let first = 0; first < n; first += CHUNK) {
    const size = Math.min(CHUNK, n - first);
    let sliceEnd = performance.now() + SLICE_MS;
    for (let i = 0; i < size; i++) {
      const scene = sceneAt(atlas, OBJECTS_SPLITS.heldOut.seed, first + i);
      images.set(scene.image, i * PIXELS);
      labels[first + i] = scene.objects[0]!.classIndex;
      for (let p = 0; p < PIXELS; p++) rgb[(first + i) * PIXELS + p] = Math.round(scene.image[p]! * 255);
      if (performance.now() > sliceEnd) {
        await nextTask();
        sliceEnd = performance.now() + SLICE_MS;
      }
    }
    const chunk = images.slice(0, size * PIXELS);
    const before = performance.now();
    const rows = await compute('embedding-set', async () => set.add(chunk, labels.subarray(first, first + size)));
    embedMs += performance.now() - before;
    features ??= new Float32Array(n * (rows.length / size));
    features.set(rows, first * (rows.length / size));
    for (const listener of listeners) listener(first + size, n);
  }
  return { n, set, labels, features: features!, dim: features!.length / n, rgb, ms: performance.now() - start, embedMs };
}

/**
 * `heldOutSet` with the widget's progress line (`[data-progress-line]` holding
 * `[data-progress]` and `[data-progress-text]`) showing how far the making has got.
 */
export async function heldOutSetShown(root: HTMLElement): Promise<HeldOutSet> {
  const line = root.querySelector<HTMLElement>('[data-progress-line]')!;
  const bar = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const text = root.querySelector<HTMLElement>('[data-progress-text]')!;
  line.hidden = false;
  const set = await heldOutSet((done, total) => {
    bar.value = done / total;
    text.textContent = `Generating and embedding held-out images: ${done} of ${total}`;
  });
  line.hidden = true;
  return set;
}

/** Draws image `index` of the set into a canvas at its 64 x 64 pixels (CSS scales it). */
export function drawThumb(canvas: HTMLCanvasElement, held: HeldOutSet, index: number): void {
  canvas.width = IMAGE_SIDE;
  canvas.height = IMAGE_SIDE;
  const rgba = new Uint8ClampedArray(IMAGE_SIDE * IMAGE_SIDE * 4);
  const offset = index * PIXELS;
  for (let p = 0; p < IMAGE_SIDE * IMAGE_SIDE; p++) {
    rgba[4 * p] = held.rgb[offset + 3 * p]!;
    rgba[4 * p + 1] = held.rgb[offset + 3 * p + 1]!;
    rgba[4 * p + 2] = held.rgb[offset + 3 * p + 2]!;
    rgba[4 * p + 3] = 255;
  }
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, IMAGE_SIDE, IMAGE_SIDE), 0, 0);
}

let announced: number | undefined;

/** Asks the neighbour explorer to show image `index` as its query (remembered, in case it has not started yet). */
export function announceQuery(index: number): void {
  announced = index;
  window.dispatchEvent(new CustomEvent<{ index: number }>(EMBEDDING_QUERY, { detail: { index } }));
}

/** The last image announced as the query, if any. */
export function announcedQuery(): number | undefined {
  return announced;
}
