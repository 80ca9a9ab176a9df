import { pauseSession, resumeSession, startSession, type SessionReport } from '~/engine/client.ts';
import type { VizFrame, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-class-viz.ts';

const t = strings(pageLang());

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
 * Start / pause / reset for an animated gradient ascent. The ascent is a
 * session in the engine under the widget's id: Pause holds it between two
 * chunks (its report is the frame where it stopped), Resume continues the same
 * image, Reset and a new recipe start a fresh one under the same id, which
 * replaces the old one and silences its reports.
 */
export class AscentPlayer {
  private readonly toggle: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private running = false;
  /** Set by Pause until Resume or Reset: the ascent is held by the engine, not finished. */
  private paused = false;
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

  private get id(): string {
    return `${this.root.id}/ascent`;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs the ascent from where it is: resumes a paused one, else climbs from the seeded start of the current recipe. */
  async start(): Promise<void> {
    if (this.step >= this.options.until) return this.reset(true);
    this.setRunning(true);
    if (this.paused) {
      // The start that began this ascent is still waiting for its end, and stops the player then.
      this.paused = false;
      return resumeSession(this.id);
    }
    const { recipe, until, judged } = this.options;
    const done = await this.shell.run(() => startSession(this.id, 'classViz', { recipe: recipe(), until, judged }, (r) => this.report(r)));
    if (done) this.setRunning(false);
  }

  /** Stops between two chunks; the engine's 'paused' report shows the frame where it stopped. */
  async pause(): Promise<void> {
    this.paused = true;
    this.setRunning(false, false);
    await pauseSession(this.id);
    // data-running says whether the engine is stepping: in a worker, the step under way when Pause was clicked still ends and is shown.
    if (!this.running) this.root.dataset['running'] = 'false';
  }

  /** Back to step 0 of the current recipe (a fresh seeded start, zero steps); `play` then runs it. */
  async reset(play: boolean): Promise<void> {
    this.setRunning(false);
    this.paused = false;
    const { recipe, judged } = this.options;
    const frame = await this.shell.run(() => startSession(this.id, 'classViz', { recipe: recipe(), until: 0, judged }, (r) => this.report(r)));
    if (frame && play) await this.start();
  }

  private report({ status, progress }: SessionReport<VizFrame>): void {
    this.show(progress);
    // A pause clicked before the engine had registered the session found nothing to pause: it takes effect now.
    if (this.paused && status === 'running') void pauseSession(this.id);
  }

  private show(frame: VizFrame): void {
    this.step = frame.step;
    this.root.dataset['step'] = String(frame.step);
    this.options.draw(frame);
    this.label();
  }

  private setRunning(running: boolean, publish = true): void {
    this.running = running;
    if (publish) this.root.dataset['running'] = String(running);
    this.toggle.setAttribute('aria-pressed', String(running));
    this.label();
  }

  /** What the button would do now: start, pause, resume a paused run, or run a finished one again. */
  private label(): void {
    const { step, options } = this;
    this.toggle.textContent = t(this.running ? 'pause' : step >= options.until ? 'runAgain' : step > 0 ? 'resume' : 'start');
  }
}
