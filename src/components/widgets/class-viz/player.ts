import { compute } from '~/engine/client.ts';
import type { VizFrame, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';

export interface PlayerOptions {
  /** The recipe from the widget's controls, read at every start and reset. */
  recipe: () => VizRecipe;
  /** The ascent stops by itself at this step. */
  until: number;
  /** Ask objects-cnn-b for its verdict on every frame. */
  judged: boolean;
  draw: (frame: VizFrame) => void;
}

/**
 * Start / pause / reset for an animated gradient ascent. The run lives in the
 * engine under the widget's id; pausing submits a read of the current frame in
 * the same queue lane, which aborts the running ascent between two chunks.
 */
export class AscentPlayer {
  private readonly toggle: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private running = false;
  private step = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly shell: WidgetShell,
    private readonly options: PlayerOptions,
  ) {
    this.toggle = root.querySelector<HTMLButtonElement>('[data-toggle]')!;
    this.resetButton = root.querySelector<HTMLButtonElement>('[data-reset]')!;
    this.toggle.addEventListener('click', () => void (this.running ? this.pause() : this.start()));
    this.resetButton.addEventListener('click', () => void this.reset(false));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs the ascent from where it is (a changed recipe restarts it from its seeded start). */
  async start(): Promise<void> {
    if (this.step >= this.options.until) return this.reset(true);
    this.setRunning(true);
    const { recipe, until, judged } = this.options;
    const spec = recipe();
    const key = this.root.id;
    const done = await this.shell.run(() => compute(key, (tasks, signal) => tasks.vizRun(key, spec, until, (f) => this.show(f), signal, { judged })));
    if (done) this.setRunning(false);
  }

  /** Stops between two chunks and shows the frame where it stopped. */
  async pause(): Promise<void> {
    this.setRunning(false);
    const key = this.root.id;
    const frame = await this.shell.run(() => compute(key, (tasks) => tasks.vizFrame(key, { judged: this.options.judged })));
    if (frame) this.show(frame);
  }

  /** Back to step 0 of the current recipe (a fresh seeded start); `play` then runs it. */
  async reset(play: boolean): Promise<void> {
    this.setRunning(false);
    const { recipe, judged } = this.options;
    const spec = recipe();
    const key = this.root.id;
    const frame = await this.shell.run(() => compute(key, (tasks, signal) => tasks.vizRun(key, spec, 0, (f) => this.show(f), signal, { judged, restart: true })));
    if (frame && play) await this.start();
  }

  private show(frame: VizFrame): void {
    this.step = frame.step;
    this.root.dataset['step'] = String(frame.step);
    this.options.draw(frame);
    this.label();
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.root.dataset['running'] = String(running);
    this.toggle.setAttribute('aria-pressed', String(running));
    this.label();
  }

  /** What the button would do now: start, pause, resume a paused run, or run a finished one again. */
  private label(): void {
    const { step, options } = this;
    this.toggle.textContent = this.running ? 'Pause' : step >= options.until ? 'Run again' : step > 0 ? 'Resume' : 'Start';
  }
}
