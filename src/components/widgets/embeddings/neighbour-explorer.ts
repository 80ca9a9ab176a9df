import { Controls, num, text } from '~/components/ui/controls.ts';
import { percent } from '~/components/ui/format.ts';
import { cancelSession, compute, startSession, type TaskCalls } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { Metric, NeighbourList } from '~/engine/tasks/index.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawAgreement } from './agreement-plot.ts';
import { announcedQuery, drawThumb, EMBEDDING_QUERY, heldOutSetShown, type HeldOutSet } from './heldout-set.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { className } from '~/i18n/classes.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

const KIND = 'neighbour-explorer';
const lang = pageLang();
const t = strings(lang);
/** Queries of the batch figure: the first ones of the set (fewer by address, `?emb-batch=50`). */
const BATCH = 200;

const FORMULAS: Record<Metric, string> = { cosine: t('cosineFormula'), euclidean: 'd(a, b) = ‖a − b‖ = √(‖a‖² + ‖b‖² − 2 a·b)' };

/** A query and its k nearest neighbours in both spaces. */
interface Found {
  query: number;
  label: number;
  feature: NeighbourList;
  pixel: NeighbourList;
}

/** A query image's k nearest neighbours by the model's features next to its k nearest by raw pixels. */
export function mountNeighbourExplorer(root: HTMLElement): void {
  const controls = new Controls(root, { query: num('[data-query]'), k: num('[data-k]'), metric: text('[data-metric]') });
  const queryInput = controls.fields.query as HTMLInputElement;
  const metric = (): Metric => (controls.value('metric') === 'euclidean' ? 'euclidean' : 'cosine');
  const state = (): WidgetState => ({ widget: KIND, params: { ...controls.values(), metric: metric() }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  let held: HeldOutSet | undefined;
  const batchId = `${root.id}:batch`;

  async function query(): Promise<void> {
    if (!held) return;
    const set = held;
    queryInput.value = String(Math.min(set.n - 1, Math.max(0, Math.round(controls.value('query') || 0))));
    const { query: index, k } = controls.values();
    const m = metric();
    const start = performance.now();
    const found = await shell.run(() => compute(root.id, (tasks) => searchBoth(tasks, set, index, k, m, start)));
    if (!found) return;
    // For the bench: the feature-space search alone, and both spaces.
    root.dataset['featureMs'] = found.featureMs.toFixed(2);
    root.dataset['queryMs'] = (performance.now() - start).toFixed(2);
    showQuery(root, set, found);
  }

  const batch = (): Promise<void> => (held ? measureAgreement(root, held, batchId, controls.value('k'), metric()) : Promise.resolve());
  const formula = (): void => {
    root.querySelector('[data-formula]')!.textContent = FORMULAS[metric()];
  };
  const ask = (index: number): void => {
    queryInput.value = String(index);
    void query();
  };
  controls.onChange(() => void query(), ['query']);
  root.querySelector('[data-random]')!.addEventListener('click', () => {
    if (held) ask(Math.floor(Math.random() * held.n));
  });
  controls.onChange(() => {
    formula();
    delete root.dataset['batchReady'];
    // The figure for the old k or distance is stale at once: stop measuring it.
    void cancelSession(batchId);
    void query().then(batch);
  }, ['k', 'metric']);
  window.addEventListener(EMBEDDING_QUERY, (event) => ask((event as CustomEvent<{ index: number }>).detail.index));
  controls.restore(shell.restore()?.params);
  // A click on the map before this widget started wins over the saved state.
  const picked = announcedQuery();
  if (picked !== undefined) queryInput.value = String(picked);
  formula();
  const first = heldOutSetShown(root).then(async (set) => {
    held = set;
    root.dataset['setMs'] = set.ms.toFixed(0);
    root.dataset['embedMs'] = set.embedMs.toFixed(0);
    queryInput.max = String(set.n - 1);
    await query();
    await batch();
  });
  shell.start(t('loadingEngineModel'), first);
}

/** The neighbours of image `index` by features, then by pixels, with the milliseconds from `start` to the first list. */
async function searchBoth(tasks: TaskCalls, held: HeldOutSet, index: number, k: number, metric: Metric, start: number): Promise<Found & { featureMs: number }> {
  const feature = await tasks.spaceNeighbours(held.id, 'features', index, k, metric);
  const featureMs = performance.now() - start;
  const pixel = await tasks.spaceNeighbours(held.id, 'pixels', index, k, metric);
  return { query: index, label: held.labels[index]!, feature, pixel, featureMs };
}

/** The query image with its class, and its neighbours in both spaces. */
function showQuery(root: HTMLElement, held: HeldOutSet, found: Found): void {
  const canvas = root.querySelector<HTMLCanvasElement>('[data-query-canvas]')!;
  drawThumb(canvas, held, found.query);
  canvas.style.borderColor = CLASS_COLOURS[found.label]!;
  root.querySelector('[data-query-class]')!.textContent = className(OBJECT_CLASSES[found.label]!, lang);
  root.dataset['query'] = String(found.query);
  fillNeighbours(root.querySelector('[data-space="feature"]')!, held, found.feature, found.label);
  fillNeighbours(root.querySelector('[data-space="pixel"]')!, held, found.pixel, found.label);
}

/** One space's figure: the neighbours' thumbnails, classes and distances, and how many share the query's class `label`. */
function fillNeighbours(figure: HTMLElement, held: HeldOutSet, list: NeighbourList, label: number): void {
  const items = list.indices.map((index, rank) => {
    const item = document.createElement('li');
    const same = list.labels[rank] === label;
    item.className = same ? 'same' : 'other';
    item.dataset['index'] = String(index);
    const canvas = document.createElement('canvas');
    drawThumb(canvas, held, index);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t('thumbLabel', { index, name: className(OBJECT_CLASSES[list.labels[rank]!]!, lang) }));
    const name = document.createElement('span');
    name.textContent = `${same ? '✓' : '✗'} ${className(OBJECT_CLASSES[list.labels[rank]!]!, lang)}`;
    const distance = document.createElement('span');
    distance.className = 'distance';
    distance.textContent = `d = ${list.distances[rank]!.toPrecision(2)}`;
    item.append(enlargeable(canvas), name, distance);
    return item;
  });
  figure.querySelector('[data-neighbours]')!.replaceChildren(...items);
  const share = figure.querySelector<HTMLElement>('[data-share]')!;
  share.dataset['sameClass'] = String(list.sameClass);
  const same = Math.round(list.sameClass * list.indices.length);
  share.textContent = t('share', { same, total: list.indices.length });
}

/** The batch figure: over the first queries of the set, the mean share of the k neighbours with the query's class, by features and by pixels. */
async function measureAgreement(root: HTMLElement, held: HeldOutSet, batchId: string, k: number, metric: Metric): Promise<void> {
  const batchText = root.querySelector<HTMLElement>('[data-batch-text]')!;
  const asked = Number(new URLSearchParams(location.search).get('emb-batch'));
  const queries = Math.min(held.n, Number.isInteger(asked) && asked > 0 ? asked : BATCH);
  batchText.textContent = t('measuring', { queries });
  const plot = root.querySelector<HTMLElement>('[data-batch-plot]')!;
  try {
    // Starting again under the same id replaces a figure still being measured.
    const result = await startSession(batchId, 'neighbourAgreement', { set: held.id, queries, k, metric });
    plot.dataset['feature'] = String(result.feature);
    plot.dataset['pixel'] = String(result.pixel);
    plot.dataset['queries'] = String(queries);
    batchText.textContent = t('batchResult', { queries, n: held.n, k, feature: percent(result.feature), pixel: percent(result.pixel) });
    await drawAgreement(plot, result.feature, result.pixel, k);
    root.dataset['batchReady'] = 'true';
  } catch (error) {
    if (!isSuperseded(error)) batchText.textContent = errorText(error);
  }
}
