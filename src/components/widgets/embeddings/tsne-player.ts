import { cancelSession, pauseSession, resumeSession, startSession, type SessionReport } from '~/engine/client.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { TsneArgs, TsneFrame, TsneRun } from '~/engine/tasks/index.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

/** Fewest milliseconds between two redraws of a running t-SNE. */
const REDRAW_MS = 100;
const t = strings(pageLang());

/** What the player needs from the map around it. */
export interface TsneStage {
  /** True while the map's view is t-SNE (not PCA). */
  shown(): boolean;
  /** Builds the t-SNE chart for a layout (tens of ms). */
  draw(points: Float32Array): Promise<void>;
  /** Moves the dots of a t-SNE chart already on screen (a few ms); false if there is none. */
  move(points: Float32Array): boolean;
  /** Writes where each dot of a layout that has stopped moving is drawn. */
  publish(): void;
  /** Writes a layout's 5-NN accuracy read-out. */
  showKnn(knn: number): void;
}

/**
 * Run, pause and resume for the map's t-SNE. The run is a session in the
 * engine under the widget's id; the page keeps only that id and what the
 * reports say, as plain data. The engine reports only the run now under the
 * id (never one that was replaced or cancelled), so nothing here tells runs
 * apart; its reports drive the page, including the layout a pause stopped on.
 */
export class TsnePlayer {
  /** Where the run stands: 'pausing' from a pause asked for until the engine reports it paused. */
  phase: 'none' | 'running' | 'pausing' | 'paused' | 'done' = 'none';
  private readonly id: string;
  private readonly button: HTMLButtonElement;
  private readonly info: HTMLElement;
  /** The finished run, shown again when the view comes back to t-SNE. */
  private finished: TsneRun | undefined;
  /** The finished run's layout on screen, once drawn. */
  private shownEnd: Promise<void> = Promise.resolve();
  /** The newest reported layout, drawn in the next animation frame. */
  private latest: Float32Array | undefined;
  private frame = 0;
  private lastDraw = 0;
  private runStart = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly shell: WidgetShell,
    private readonly stage: TsneStage,
  ) {
    this.id = `${root.id}:tsne`;
    this.button = root.querySelector('[data-run]')!;
    this.info = root.querySelector('[data-layout-info]')!;
  }

  /** A new run from `args` (starting under the same id replaces the old run); resolves once it has finished and is drawn. */
  async restart(args: TsneArgs): Promise<void> {
    // The new run is made first (its features read back): stop the old one's reports now.
    void cancelSession(this.id);
    delete this.root.dataset['firstLayoutMs'];
    this.runStart = performance.now();
    this.lastDraw = 0;
    this.latest = undefined;
    this.finished = undefined;
    this.running();
    try {
      // A report after every chunk: the iteration shown follows the run closely, and a pause is reported with its read-out.
      await startSession(this.id, 'tsneLayout', args, (report) => this.report(report), { reportEveryMs: 0 });
      await this.shownEnd;
    } catch (error) {
      this.shell.fail(error);
    }
  }

  /** Holds the run between two chunks; the engine's 'paused' report shows where it stopped. */
  pause(): void {
    if (this.phase !== 'running') return;
    this.phase = 'pausing';
    void pauseSession(this.id);
  }

  /** Goes on from a pause (or from the pause a switch to PCA asked for). */
  resume(): void {
    this.running();
    void resumeSession(this.id);
  }

  /** The finished run again, when the view comes back to t-SNE. */
  showFinished(): void {
    if (this.finished) void this.show(this.finished);
  }

  /** The page while a run goes on: the button pauses it, the read-out waits for its end or a pause. */
  private running(): void {
    this.phase = 'running';
    this.root.dataset['view'] = 'tsne';
    delete this.root.dataset['tsneDone'];
    // The last read-out belongs to another layout: say when this one gets its own.
    delete this.root.dataset['knn'];
    this.root.querySelector('[data-knn-line]')!.textContent = t('knnPending');
    this.button.textContent = t('pause');
  }

  private report({ status, progress: p }: SessionReport<TsneFrame>): void {
    if (status === 'done') {
      this.phase = 'done';
      this.finished = p.result!;
      this.shownEnd = this.show(this.finished);
      return;
    }
    if (status === 'paused') {
      // The paused report carries the layout the run stopped on, with its cost and 5-NN accuracy.
      this.phase = 'paused';
      this.button.textContent = t('resume');
      if (p.result) void this.show(p.result);
      return;
    }
    // A pause asked for before the engine had the session found nothing to hold: it takes effect now.
    if (this.phase === 'pausing') void pauseSession(this.id);
    // Only a new iteration is written: the report on resuming repeats the one the run paused at.
    if (this.root.dataset['iteration'] !== String(p.iteration)) this.root.dataset['iteration'] = String(p.iteration);
    if (!this.stage.shown()) return;
    this.info.textContent =
      p.phase === 'affinities'
        ? t('calibrating', { perplexity: p.perplexity, row: p.rows, n: p.n })
        : t('iteration', { i: p.iteration, total: p.total, early: p.iteration < 250 ? t('early') : '' });
    if (p.iteration > 0) this.frameOf(p.points);
  }

  /** A frame of the running layout, in its own animation frame so it never delays the next report. */
  private frameOf(points: Float32Array): void {
    this.latest = points;
    if (this.frame || performance.now() - this.lastDraw < REDRAW_MS) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.lastDraw = performance.now();
      // Once the run stopped, its read-out draws the layout it stopped on.
      if (this.phase !== 'running' || !this.stage.shown() || !this.latest) return;
      const points = this.latest;
      // The chart is built once per run; later frames only move its dots.
      const drawn = this.root.dataset['firstLayoutMs'] !== undefined && this.stage.move(points) ? Promise.resolve() : this.stage.draw(points);
      void drawn.then(() => {
        // For the bench: from pressing (re)start to the first t-SNE layout on screen.
        this.root.dataset['firstLayoutMs'] ??= (performance.now() - this.runStart).toFixed(1);
      });
    });
  }

  /** A finished or paused run: its layout, and its read-out while the view is t-SNE (PCA keeps its own). */
  private async show(result: TsneRun): Promise<void> {
    await nextTask();
    // Resumed or restarted while this waited: the layout goes on moving.
    if (!result.done && this.phase !== 'paused') return;
    const shown = this.stage.shown();
    // Moving the dots of the chart on screen takes a few ms; rebuilding it, tens.
    if (shown && !this.stage.move(result.points)) await this.stage.draw(result.points);
    this.stage.publish();
    this.button.textContent = t(result.done ? 'runAgain' : 'resume');
    this.root.dataset['iteration'] = String(result.iteration);
    this.root.querySelector<HTMLElement>('[data-plot]')!.dataset['points'] = JSON.stringify(Array.from(result.points, (v) => Number(v.toPrecision(6))));
    this.root.dataset['tsneDone'] = String(result.done);
    this.root.dataset['runMs'] = (performance.now() - this.runStart).toFixed(0);
    if (!shown) return;
    const cost = result.cost === null ? t('uncalibrated') : `KL(P ‖ Q) = ${result.cost.toFixed(3)}`;
    this.info.textContent = t(result.done ? 'finished' : 'paused', { i: result.iteration, total: result.total, cost });
    this.stage.showKnn(result.knn);
  }
}
