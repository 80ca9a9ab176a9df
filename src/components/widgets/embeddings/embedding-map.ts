import { percent } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { PcaLayout } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { announceQuery, heldOutSetShown, type HeldOutSet } from './heldout-set.ts';
import { classLegend, preloadPlot } from './map-plot.ts';
import { MapStage, type MapMethod } from './map-stage.ts';
import { TsnePlayer } from './tsne-player.ts';

const KIND = 'embedding-map';

/** PCA and t-SNE layouts of the held-out embeddings; t-SNE animates, pauses and resumes; a click picks the neighbour explorer's query. */
export function mountEmbeddingMap(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const view = q<HTMLSelectElement>('[data-view]');
  const perplexity = q<HTMLInputElement>('[data-perplexity]');
  const rate = q<HTMLSelectElement>('[data-rate]');
  const iterations = q<HTMLSelectElement>('[data-iterations]');
  const info = q<HTMLElement>('[data-layout-info]');
  const state = (): WidgetState => ({
    widget: KIND,
    params: { view: view.value, perplexity: Number(perplexity.value), rate: rate.value, iterations: Number(iterations.value) },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  let held: HeldOutSet | undefined;
  let stage: MapStage | undefined;
  let pca: PcaLayout | undefined;
  /** The t-SNE run, once the set and its PCA layout (the run's start) are here. */
  let tsne: TsnePlayer | undefined;

  function draw(points: Float32Array, method: MapMethod): Promise<void> {
    const axes = method === 'pca' && pca
      ? { x: `PC 1 (${percent(pca.explained[0])} of the variance) →`, y: `↑ PC 2 (${percent(pca.explained[1])})` }
      : { x: null, y: null };
    return stage!.draw(points, method, axes);
  }

  async function showPca(): Promise<void> {
    if (!held || !pca) return;
    tsne?.pause();
    await draw(pca.points, 'pca');
    info.textContent = `PCA of the ${held.n} embeddings (64 numbers each): the two directions of largest variance keep ${percent(pca.explained[0])} and ${percent(pca.explained[1])} of it.`;
    showKnn(pca.knn);
    // Set once the PCA chart is on screen with its read-out, so what it announces is what is shown.
    root.dataset['view'] = 'pca';
  }

  function showKnn(knn: number): void {
    root.dataset['knn'] = String(knn);
    q('[data-knn-line]').textContent = `5-NN accuracy of this 2-D layout: ${percent(knn)} of the images have a majority of their 5 nearest dots in their own class (chance ≈ 10%).`;
  }

  /** A new t-SNE run from the PCA layout, with the controls' settings. */
  function restart(): Promise<void> {
    if (!held || !pca || !tsne) return Promise.resolve();
    shell.store.save(state());
    return tsne.restart({
      set: held.id,
      initial: pca.points,
      perplexity: Number(perplexity.value),
      learningRate: rate.value === 'auto' ? 'auto' : Number(rate.value),
      iterations: Number(iterations.value),
      seed: 0,
    });
  }

  function pick(i: number): void {
    announceQuery(i);
    const note = q<HTMLElement>('[data-picked]');
    note.hidden = false;
    note.querySelector('span')!.textContent = `Image #${i} (${OBJECT_CLASSES[held!.labels[i]!]}) is now the query of the `;
  }

  q('[data-run]').addEventListener('click', () => {
    if (tsne?.phase === 'running') tsne.pause();
    else if (tsne?.phase === 'paused') {
      view.value = 'tsne';
      tsne.resume();
    } else if (tsne?.phase !== 'pausing') void restart();
  });
  q('[data-restart]').addEventListener('click', () => {
    view.value = 'tsne';
    void restart();
  });
  perplexity.addEventListener('input', () => (q('[data-perplexity-value]').textContent = perplexity.value));
  for (const control of [perplexity, rate, iterations]) control.addEventListener('change', () => void restart());
  view.addEventListener('change', () => {
    shell.store.save(state());
    if (view.value === 'pca') void showPca();
    else if (tsne?.phase === 'done') {
      root.dataset['view'] = 'tsne';
      tsne.showFinished();
    } else if (tsne && tsne.phase !== 'none') tsne.resume();
    else void restart();
  });
  window.addEventListener('resize', () => {
    if (stage?.points && stage.method) void draw(stage.points, stage.method);
  });

  const restored = shell.restore();
  if (restored) {
    view.value = String(restored.params['view'] ?? 'tsne');
    perplexity.value = String(restored.params['perplexity'] ?? 30);
    q('[data-perplexity-value]').textContent = perplexity.value;
    rate.value = String(restored.params['rate'] ?? 'auto');
    iterations.value = String(restored.params['iterations'] ?? 1000);
  }
  classLegend(q('[data-legend]'));
  const first = Promise.all([heldOutSetShown(root), preloadPlot()]).then(async ([set]) => {
    held = set;
    stage = new MapStage(root, set, pick);
    tsne = new TsnePlayer(root, shell, {
      shown: () => view.value === 'tsne',
      draw: (points) => draw(points, 'tsne'),
      move: (points) => stage!.move(points),
      showKnn,
    });
    pca = await shell.run(() => compute(root.id, (tasks) => tasks.pcaLayout(set.id)));
    if (!pca) return;
    // PCA first: a useful map at once, and the start t-SNE refines.
    await nextTask();
    await showPca();
    if (view.value === 'tsne') await restart();
  });
  shell.start('Loading the engine and the model…', first);
}
