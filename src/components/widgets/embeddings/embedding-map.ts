import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { PcaLayout, Tsne, TsneOptions, TsneProgress, TsneRun } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { announceQuery, heldOutSetShown, type HeldOutSet } from './heldout-set.ts';
import { classLegend, preloadPlot } from './map-plot.ts';
import { MapStage, type MapMethod } from './map-stage.ts';

const KIND = 'embedding-map';
/** Fewest milliseconds between two redraws of a running t-SNE. */
const REDRAW_MS = 100;

/** PCA and t-SNE layouts of the held-out embeddings; t-SNE animates, pauses and resumes; a click picks the neighbour explorer's query. */
export function mountEmbeddingMap(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const view = q<HTMLSelectElement>('[data-view]');
  const perplexity = q<HTMLInputElement>('[data-perplexity]');
  const rate = q<HTMLSelectElement>('[data-rate]');
  const iterations = q<HTMLSelectElement>('[data-iterations]');
  const runButton = q<HTMLButtonElement>('[data-run]');
  const info = q<HTMLElement>('[data-layout-info]');
  const state = (): WidgetState => ({
    widget: KIND,
    params: { view: view.value, perplexity: Number(perplexity.value), rate: rate.value, iterations: Number(iterations.value) },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  const lane = `${root.id}:tsne`;
  let held: HeldOutSet | undefined;
  let stage: MapStage | undefined;
  let pca: PcaLayout | undefined;
  let tsne: Tsne | undefined;
  let pause: AbortController | undefined;
  let generation = 0;
  let frame = 0;
  let lastDraw = 0;
  let runStart = 0;

  const options = (): TsneOptions => ({
    perplexity: Number(perplexity.value),
    learningRate: rate.value === 'auto' ? 'auto' : Number(rate.value),
    iterations: Number(iterations.value),
    seed: 0,
  });

  function draw(points: Float32Array, method: MapMethod): Promise<void> {
    const axes = method === 'pca' && pca
      ? { x: `PC 1 (${pct(pca.explained[0])} of the variance) →`, y: `↑ PC 2 (${pct(pca.explained[1])})` }
      : { x: null, y: null };
    return stage!.draw(points, method, axes);
  }

  async function showPca(): Promise<void> {
    if (!held || !pca) return;
    pause?.abort();
    await draw(pca.points, 'pca');
    info.textContent = `PCA of the ${held.n} embeddings (64 numbers each): the two directions of largest variance keep ${pct(pca.explained[0])} and ${pct(pca.explained[1])} of it.`;
    showKnn(pca.knn);
    // Set once the PCA chart is on screen with its read-out, so what it announces is what is shown.
    root.dataset['view'] = 'pca';
  }

  function showKnn(knn: number): void {
    root.dataset['knn'] = String(knn);
    q('[data-knn-line]').textContent = `5-NN accuracy of this 2-D layout: ${pct(knn)} of the images have a majority of their 5 nearest dots in their own class (chance ≈ 10%).`;
  }

  async function restart(): Promise<void> {
    if (!held || !pca) return;
    // Whatever the old run still reports is stale from here on.
    generation++;
    delete root.dataset['tsneDone'];
    delete root.dataset['firstLayoutMs'];
    pause?.abort();
    runStart = performance.now();
    lastDraw = 0;
    const { features, n } = held;
    const initial = pca.points;
    tsne = await compute(lane, async (tasks) => tasks.startTsne(features, n, options(), initial));
    shell.store.save(state());
    await run();
  }

  /** A frame of the running layout, in its own animation frame so it never lengthens a computing chunk. */
  function frameOf(run: Tsne, mine: number): void {
    if (frame || performance.now() - lastDraw < REDRAW_MS || view.value !== 'tsne') return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      lastDraw = performance.now();
      if (mine !== generation || view.value !== 'tsne') return;
      const points = run.read();
      // The chart is built once per run; later frames only move its dots.
      const shown = root.dataset['firstLayoutMs'] !== undefined && stage!.move(points) ? Promise.resolve() : draw(points, 'tsne');
      void shown.then(() => {
        // For the bench: from pressing (re)start to the first t-SNE layout on screen.
        root.dataset['firstLayoutMs'] ??= (performance.now() - runStart).toFixed(1);
      });
    });
  }

  async function run(): Promise<void> {
    if (!held || !tsne) return;
    const mine = ++generation;
    const current = tsne;
    const controller = (pause = new AbortController());
    const labels = Array.from(held.labels);
    root.dataset['view'] = 'tsne';
    delete root.dataset['tsneDone'];
    // The last read-out belongs to another layout: say when this one gets its own.
    delete root.dataset['knn'];
    q('[data-knn-line]').textContent = '5-NN accuracy of this t-SNE layout: measured when the run finishes or is paused.';
    runButton.textContent = 'Pause';
    const total = Number(iterations.value);
    const onProgress = (p: TsneProgress) => {
      info.textContent = p.phase === 'affinities'
        ? `t-SNE: calibrating p(j|i) to perplexity ${perplexity.value}, row ${p.rows} of ${held!.n}…`
        : `t-SNE: iteration ${p.iteration} of ${total}${p.iteration < 250 ? ' (early exaggeration: p_ij × 12)' : ''}`;
      root.dataset['iteration'] = String(p.iteration);
      if (p.iteration > 0) frameOf(current, mine);
    };
    let result: TsneRun;
    try {
      result = await compute(lane, (tasks, signal) => tasks.continueTsne(current, labels, onProgress, signal, controller.signal));
    } catch (error) {
      if (mine === generation && !isSuperseded(error)) shell.say((error as Error).message, 'error');
      return;
    }
    if (mine !== generation) return;
    await nextTask();
    // Moving the dots of the chart on screen takes a few ms; rebuilding it, tens.
    if (view.value === 'tsne' && !stage!.move(result.points)) await draw(result.points, 'tsne');
    runButton.textContent = result.done ? 'Run again' : 'Resume';
    root.dataset['iteration'] = String(result.iteration);
    q<HTMLElement>('[data-plot]').dataset['points'] = JSON.stringify(Array.from(result.points, (v) => Number(v.toPrecision(6))));
    root.dataset['tsneDone'] = String(result.done);
    root.dataset['runMs'] = (performance.now() - runStart).toFixed(0);
    const cost = result.cost === null ? 'P is not fully calibrated yet' : `KL(P ‖ Q) = ${result.cost.toFixed(3)}`;
    info.textContent = `t-SNE ${result.done ? 'finished' : 'paused'} at iteration ${result.iteration} of ${total}; ${cost}.`;
    showKnn(result.knn);
  }

  function pick(i: number): void {
    announceQuery(i);
    const note = q<HTMLElement>('[data-picked]');
    note.hidden = false;
    note.querySelector('span')!.textContent = `Image #${i} (${OBJECT_CLASSES[held!.labels[i]!]}) is now the query of the `;
  }

  runButton.addEventListener('click', () => {
    if (runButton.textContent === 'Pause') pause?.abort();
    else if (runButton.textContent === 'Run again') void restart();
    else {
      view.value = 'tsne';
      void run();
    }
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
    else if (tsne) void run();
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
    pca = await shell.run(() => compute(root.id, (tasks) => tasks.pcaLayout(set.set)));
    if (!pca) return;
    // PCA first: a useful map at once, and the start t-SNE refines.
    await nextTask();
    await showPca();
    if (view.value === 'tsne') await restart();
  });
  shell.start('Loading the engine and the model…', first);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
