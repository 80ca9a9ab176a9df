import { percent } from '~/components/ui/format.ts';
import { cancelSession, compute, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { Metric, NeighbourList } from '~/engine/tasks/index.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawAgreement } from './agreement-plot.ts';
import { announcedQuery, drawThumb, EMBEDDING_QUERY, heldOutSetShown, type HeldOutSet } from './heldout-set.ts';

const KIND = 'neighbour-explorer';
/** Queries of the batch figure: the first ones of the set (fewer by address, `?emb-batch=50`). */
const BATCH = 200;

const FORMULAS: Record<Metric, string> = {
  cosine: 'd(a, b) = 1 − a·b / (‖a‖ ‖b‖): 0 for the same direction, 2 for opposite',
  euclidean: 'd(a, b) = ‖a − b‖ = √(‖a‖² + ‖b‖² − 2 a·b)',
};

/** A query image's k nearest neighbours by the model's features next to its k nearest by raw pixels. */
export function mountNeighbourExplorer(root: HTMLElement): void {
  const queryInput = root.querySelector<HTMLInputElement>('[data-query]')!;
  const kChoice = root.querySelector<HTMLSelectElement>('[data-k]')!;
  const metricChoice = root.querySelector<HTMLSelectElement>('[data-metric]')!;
  const batchText = root.querySelector<HTMLElement>('[data-batch-text]')!;
  const metric = (): Metric => (metricChoice.value === 'euclidean' ? 'euclidean' : 'cosine');
  const state = (): WidgetState => ({ widget: KIND, params: { query: Number(queryInput.value), k: Number(kChoice.value), metric: metric() }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  let held: HeldOutSet | undefined;
  const batchId = `${root.id}:batch`;

  async function query(): Promise<void> {
    if (!held) return;
    const index = Math.min(held.n - 1, Math.max(0, Math.round(Number(queryInput.value) || 0)));
    queryInput.value = String(index);
    const k = Number(kChoice.value);
    const { id } = held;
    const label = held.labels[index]!;
    const m = metric();
    const start = performance.now();
    let featureMs = 0;
    const found = await shell.run(() =>
      compute(root.id, async (tasks) => {
        const feature = await tasks.spaceNeighbours(id, 'features', index, k, m);
        featureMs = performance.now() - start;
        return { query: index, label, feature, pixel: await tasks.spaceNeighbours(id, 'pixels', index, k, m) };
      }),
    );
    if (!found) return;
    // For the bench: the feature-space search alone, and both spaces.
    root.dataset['featureMs'] = featureMs.toFixed(2);
    root.dataset['queryMs'] = (performance.now() - start).toFixed(2);
    show(found);
  }

  function show(found: { query: number; label: number; feature: NeighbourList; pixel: NeighbourList }): void {
    const canvas = root.querySelector<HTMLCanvasElement>('[data-query-canvas]')!;
    drawThumb(canvas, held!, found.query);
    canvas.style.borderColor = CLASS_COLOURS[found.label]!;
    root.querySelector('[data-query-class]')!.textContent = OBJECT_CLASSES[found.label]!;
    root.dataset['query'] = String(found.query);
    fill(root.querySelector('[data-space="feature"]')!, found.feature, found.label);
    fill(root.querySelector('[data-space="pixel"]')!, found.pixel, found.label);
  }

  function fill(figure: HTMLElement, list: NeighbourList, label: number): void {
    const items = list.indices.map((index, t) => {
      const item = document.createElement('li');
      const same = list.labels[t] === label;
      item.className = same ? 'same' : 'other';
      item.dataset['index'] = String(index);
      const canvas = document.createElement('canvas');
      drawThumb(canvas, held!, index);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `held-out image ${index}, ${OBJECT_CLASSES[list.labels[t]!]}`);
      const name = document.createElement('span');
      name.textContent = `${same ? '✓' : '✗'} ${OBJECT_CLASSES[list.labels[t]!]}`;
      const distance = document.createElement('span');
      distance.className = 'distance';
      distance.textContent = `d = ${list.distances[t]!.toPrecision(2)}`;
      item.append(canvas, name, distance);
      return item;
    });
    figure.querySelector('[data-neighbours]')!.replaceChildren(...items);
    const share = figure.querySelector<HTMLElement>('[data-share]')!;
    share.dataset['sameClass'] = String(list.sameClass);
    const same = Math.round(list.sameClass * list.indices.length);
    share.textContent = `— ${same} of ${list.indices.length} share the query's class`;
  }

  async function batch(): Promise<void> {
    if (!held) return;
    const asked = Number(new URLSearchParams(location.search).get('emb-batch'));
    const queries = Math.min(held.n, Number.isInteger(asked) && asked > 0 ? asked : BATCH);
    const k = Number(kChoice.value);
    batchText.textContent = `Measuring the first ${queries} held-out images in both spaces…`;
    const plot = root.querySelector<HTMLElement>('[data-batch-plot]')!;
    try {
      // Starting again under the same id replaces a figure still being measured.
      const result = await startSession(batchId, 'neighbourAgreement', { set: held.id, queries, k, metric: metric() });
      plot.dataset['feature'] = String(result.feature);
      plot.dataset['pixel'] = String(result.pixel);
      plot.dataset['queries'] = String(queries);
      batchText.textContent = `Over the first ${queries} held-out images (each against all ${held.n}), the share of the ${k} nearest neighbours that have the query's class: ${percent(result.feature)} by features, ${percent(result.pixel)} by pixels. A neighbour picked at random would share it about 10% of the time.`;
      await drawAgreement(plot, result.feature, result.pixel, k);
      root.dataset['batchReady'] = 'true';
    } catch (error) {
      if (!isSuperseded(error)) batchText.textContent = (error as Error).message;
    }
  }

  const formula = (): void => {
    root.querySelector('[data-formula]')!.textContent = FORMULAS[metric()];
  };
  queryInput.addEventListener('change', () => void query());
  root.querySelector('[data-random]')!.addEventListener('click', () => {
    if (!held) return;
    queryInput.value = String(Math.floor(Math.random() * held.n));
    void query();
  });
  for (const control of [kChoice, metricChoice]) {
    control.addEventListener('change', () => {
      formula();
      delete root.dataset['batchReady'];
      // The figure for the old k or distance is stale at once: stop measuring it.
      void cancelSession(batchId);
      void query().then(batch);
    });
  }
  window.addEventListener(EMBEDDING_QUERY, (event) => {
    queryInput.value = String((event as CustomEvent<{ index: number }>).detail.index);
    void query();
  });
  const restored = shell.restore();
  if (restored) {
    queryInput.value = String(restored.params['query'] ?? 7);
    kChoice.value = String(restored.params['k'] ?? 8);
    metricChoice.value = String(restored.params['metric'] ?? 'cosine');
  }
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
  shell.start('Loading the engine and the model…', first);
}
