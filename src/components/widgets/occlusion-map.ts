import { fixed } from '~/components/ui/format.ts';
import { cancelSession, engineInfo, startSession } from '~/engine/client.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { SweepProgress } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-occlusion.ts';
import { PATCH_GREY, rgbaView } from './scene-view.ts';

const t = strings(pageLang());

/** Where the hand-moved patch sits: its top-left corner and side. */
export interface PatchPlace {
  corner: [number, number];
  size: number;
}

/**
 * The occlusion explorer's whole map, computed as a session: the start and
 * cancel buttons, the progress bar, the map and its overlay, and the map's
 * value under the hand-moved patch.
 */
export class OcclusionMap {
  readonly grid: MapFigure;
  readonly startButton: HTMLButtonElement;
  private readonly overlay: MapFigure;
  private readonly cancelButton: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly id: string;
  private sweep: SweepProgress | undefined;
  private cancelled = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly shell: WidgetShell,
    private readonly patch: () => PatchPlace,
  ) {
    const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
    this.grid = new MapFigure(q('[data-map="grid"]'));
    this.overlay = new MapFigure(q('[data-map="overlay"]'));
    this.startButton = q('[data-sweep]');
    this.cancelButton = q('[data-cancel]');
    this.bar = q('[data-progress]');
    this.progressText = q('[data-progress-text]');
    this.id = `${root.id}/sweep`;
    this.cancelButton.addEventListener('click', () => {
      this.cancelled = true;
      void cancelSession(this.id);
    });
  }

  /** Computes the map for one class in batches, drawing each report; says how it ended. */
  async compute(scene: Scene, classIndex: number, params: { patch: number; stride: number }): Promise<void> {
    const options = { ...params, fill: PATCH_GREY };
    this.startButton.hidden = true;
    this.cancelButton.hidden = false;
    this.bar.hidden = false;
    delete this.root.dataset['sweep'];
    this.cancelled = false;
    const began = performance.now();
    // The runtime never reports a sweep that was cancelled or replaced, so nothing stale is drawn.
    const last = await this.shell.run(() =>
      startSession(this.id, 'occlusionSweep', { image: scene.image, classIndex, ...options }, (report) => this.draw(report.progress, scene.size)),
    );
    this.startButton.hidden = false;
    this.cancelButton.hidden = true;
    if (this.cancelled) {
      const per = Math.floor((scene.size - options.patch) / options.stride) + 1;
      this.shell.say(t('cancelledAfter', { done: this.sweep?.done ?? 0, total: per * per }));
    }
    if (!last) return;
    this.draw(last, scene.size);
    const ms = performance.now() - began;
    // In the worker a batch never holds the page; on the main thread it holds it for as long as it runs.
    const sentence = (await engineInfo())?.thread === 'worker' ? 'wholeMapWorker' : 'wholeMapMain';
    this.shell.say(t(sentence, { total: last.total, batches: last.batches, ms: ms.toFixed(0), longest: last.longestBatchMs.toFixed(1) }));
    // Marked done once the status says how it went, so whoever waits for 'done' reads the final status.
    this.root.dataset['sweep'] = 'done';
  }

  /** Stops any sweep and empties the map, for a new scene, class or patch. */
  clear(): void {
    void cancelSession(this.id);
    this.sweep = undefined;
    for (const figure of [this.grid, this.overlay]) figure.canvas.getContext('2d')!.clearRect(0, 0, figure.canvas.width, figure.canvas.height);
    this.grid.unmark();
    this.bar.hidden = true;
    this.progressText.textContent = '';
    delete this.root.dataset['sweep'];
  }

  /** The map's value where the patch now sits, if the patch is on the sweep's grid. */
  showCell(): void {
    const cell = this.root.querySelector<HTMLElement>('[data-cell]')!;
    const view = this.grid.current;
    if (!this.sweep || !view) return void (cell.textContent = '');
    const s = this.sweep.plan.stride;
    const {
      corner: [top, left],
      size,
    } = this.patch();
    if (top % s || left % s || this.sweep.plan.patch !== size) {
      this.grid.unmark();
      cell.textContent = t('betweenPositions', { stride: s });
      return;
    }
    const [r, c] = [top / s, left / s];
    this.grid.mark(r, c, 1);
    const value = view.values[r * view.width + c]!;
    Object.assign(cell.dataset, { row: String(r), col: String(c), value: String(value) });
    cell.textContent = t(r * view.width + c < this.sweep.done ? 'mapCell' : 'mapCellPending', { row: r, col: c, value: fixed(value, 3) });
  }

  private draw(progress: SweepProgress, side: number): void {
    this.sweep = progress;
    this.grid.draw(progress.grid);
    this.overlay.draw(rgbaView(progress.overlay, side));
    this.bar.value = progress.done / progress.total;
    this.progressText.textContent = t('positions', { done: progress.done, total: progress.total, batches: progress.batches });
    this.showCell();
  }
}
