/**
 * The held-out embedding set the lesson's two widgets share: the first n
 * Glassbox Objects held-out images (single objects, never trained on),
 * generated and embedded by objects-cnn's `gap` layer in the engine's
 * `embeddingSet` session, once per page. The engine keeps the set under
 * SET_ID for the neighbour, layout and agreement tasks; the page holds that
 * id and the plain-data features, labels and thumbnails. Widgets talk through
 * one window event, `glassbox:embedding-query` with `detail: { index }`: the
 * map fires it on a click, the neighbour explorer listens and makes that
 * image its query.
 */
import { startSession } from '~/engine/client.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

export const EMBEDDING_QUERY = 'glassbox:embedding-query';
const PIXELS = IMAGE_SIDE * IMAGE_SIDE * 3;
/** The id the engine keeps the set under (features at `gap` and raw pixels), for the neighbour and layout tasks. */
const SET_ID = 'heldout';
const t = strings(pageLang());

export interface HeldOutSet {
  n: number;
  /** The engine's id of the set. */
  id: string;
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
  const made = await startSession('embedding-set', 'embeddingSet', { set: SET_ID, count: n }, ({ progress }) => {
    for (const listener of listeners) listener(progress.done, progress.total);
  });
  return { id: SET_ID, n, labels: made.labels, features: made.features, dim: made.dim, rgb: made.rgb, ms: performance.now() - start, embedMs: made.embedMs };
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
    text.textContent = t('progress', { done, total });
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
