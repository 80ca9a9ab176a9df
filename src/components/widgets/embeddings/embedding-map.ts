import { Controls, num, text, type Params } from '~/components/ui/controls.ts';
import { percent } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { PcaLayout, TsneArgs } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { announceQuery, heldOutSetShown, type HeldOutSet } from './heldout-set.ts';
import { loadPlot } from '~/components/ui/plot.ts';
import { classLegend, type MapAxes } from './map-plot.ts';
import { MapStage, type MapMethod } from './map-stage.ts';
import { TsnePlayer } from './tsne-player.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

const KIND = 'embedding-map';
const lang = pageLang();
const t = strings(lang);
const CONTROLS = { view: text('[data-view]'), perplexity: num('[data-perplexity]'), rate: text('[data-rate]'), iterations: num('[data-iterations]') };

/** PCA and t-SNE layouts of the held-out embeddings; t-SNE animates, pauses and resumes; a click picks the neighbour explorer's query. */
export function mountEmbeddingMap(root: HTMLElement): void {
  const controls = new Controls(root, CONTROLS);
  const { view, perplexity, rate, iterations } = controls.fields;
  const state = (): WidgetState => ({ widget: KIND, params: controls.values(), seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  let held: HeldOutSet | undefined;
  let stage: MapStage | undefined;
  let pca: PcaLayout | undefined;
  /** The t-SNE run, once the set and its PCA layout (the run's start) are here. */
  let tsne: TsnePlayer | undefined;
  const draw = (points: Float32Array, method: MapMethod): Promise<void> => stage!.draw(points, method, axesOf(method === 'pca' ? pca : undefined));

  async function showPca(): Promise<void> {
    if (!held || !pca) return;
    tsne?.pause();
    await draw(pca.points, 'pca');
    describePca(root, held.n, pca);
    // Set once the PCA chart is on screen with its read-out, so what it announces is what is shown.
    root.dataset['view'] = 'pca';
  }

  /** A new t-SNE run from the PCA layout, with the controls' settings. */
  function restart(): Promise<void> {
    if (!held || !pca || !tsne) return Promise.resolve();
    shell.store.save(state());
    return tsne.restart(tsneArgs(held.id, pca.points, controls.values()));
  }

  root.querySelector('[data-run]')!.addEventListener('click', () => toggleRun(tsne, view, restart));
  root.querySelector('[data-restart]')!.addEventListener('click', () => {
    view.value = 'tsne';
    void restart();
  });
  perplexity.addEventListener('input', () => showPerplexity(root, perplexity.value));
  for (const control of [perplexity, rate, iterations]) control.addEventListener('change', () => void restart());
  view.addEventListener('change', () => {
    shell.store.save(state());
    if (view.value === 'pca') void showPca();
    else backToTsne(root, tsne, restart);
  });
  window.addEventListener('resize', () => {
    if (stage?.points && stage.method) void draw(stage.points, stage.method);
  });
  const restored = shell.restore();
  controls.restore(restored?.params);
  if (restored) showPerplexity(root, perplexity.value);
  classLegend(root.querySelector('[data-legend]')!);
  const first = Promise.all([heldOutSetShown(root), loadPlot()]).then(async ([set]) => {
    held = set;
    stage = new MapStage(root, set, (i) => showPicked(root, set, i));
    tsne = new TsnePlayer(root, shell, {
      shown: () => view.value === 'tsne',
      draw: (points) => draw(points, 'tsne'),
      move: (points) => stage!.move(points),
      publish: () => stage!.publish(),
      showKnn: (knn) => showKnn(root, knn),
    });
    pca = await shell.run(() => compute(root.id, (tasks) => tasks.pcaLayout(set.id)));
    if (!pca) return;
    // PCA first: a useful map at once, and the start t-SNE refines.
    await nextTask();
    await showPca();
    if (view.value === 'tsne') await restart();
  });
  shell.start(t('loadingEngineModel'), first);
}

/** The run button: pauses a running t-SNE, resumes a paused one (showing it), else starts a new run. */
function toggleRun(tsne: TsnePlayer | undefined, view: HTMLInputElement | HTMLSelectElement, restart: () => Promise<void>): void {
  if (tsne?.phase === 'running') tsne.pause();
  else if (tsne?.phase === 'paused') {
    view.value = 'tsne';
    tsne.resume();
  } else if (tsne?.phase !== 'pausing') void restart();
}

/** The view menu back on t-SNE: the finished run again, a paused (or pausing) run resumed, or a new run. */
function backToTsne(root: HTMLElement, tsne: TsnePlayer | undefined, restart: () => Promise<void>): void {
  if (tsne?.phase === 'done') {
    root.dataset['view'] = 'tsne';
    tsne.showFinished();
  } else if (tsne && tsne.phase !== 'none') tsne.resume();
  else void restart();
}

/** The chart's axis titles: PCA's say how much of the variance each component keeps; t-SNE's axes mean nothing. */
function axesOf(pca: PcaLayout | undefined): MapAxes {
  return pca ? { x: t('pcaAxis', { share: percent(pca.explained[0]) }), y: `↑ PC 2 (${percent(pca.explained[1])})` } : { x: null, y: null };
}

/** The t-SNE session's arguments: a run from `initial` with the controls' settings. */
function tsneArgs(set: string, initial: Float32Array, params: Params<typeof CONTROLS>): TsneArgs {
  const { perplexity, rate, iterations } = params;
  return { set, initial, perplexity, learningRate: rate === 'auto' ? 'auto' : Number(rate), iterations, seed: 0 };
}

/** The PCA layout's read-outs: how much of the variance its two axes keep, and its 5-NN accuracy. */
function describePca(root: HTMLElement, n: number, pca: PcaLayout): void {
  root.querySelector('[data-layout-info]')!.textContent = t('pcaInfo', { n, first: percent(pca.explained[0]), second: percent(pca.explained[1]) });
  showKnn(root, pca.knn);
}

/** The 5-NN accuracy read-out of the layout on screen. */
function showKnn(root: HTMLElement, knn: number): void {
  root.dataset['knn'] = String(knn);
  root.querySelector('[data-knn-line]')!.textContent = t('knn', { share: percent(knn) });
}

/** The perplexity slider's read-out. */
function showPerplexity(root: HTMLElement, value: string): void {
  root.querySelector('[data-perplexity-value]')!.textContent = value;
}

/** Makes image `i` the neighbour explorer's query and says so under the map. */
function showPicked(root: HTMLElement, held: HeldOutSet, i: number): void {
  announceQuery(i);
  const note = root.querySelector<HTMLElement>('[data-picked]')!;
  note.hidden = false;
  note.querySelector('span')!.textContent = t('picked', { i, name: className(OBJECT_CLASSES[held.labels[i]!]!, lang) });
}
