import { cancelSession, startSession } from '~/engine/client.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { MapView, SmoothGradArgs, SmoothGradProgress } from '~/engine/tasks/index.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-occlusion.ts';

const t = strings(pageLang());

/**
 * SmoothGrad as a session: the run and stop buttons, the count of samples
 * averaged so far, and each new average handed to `onMap`.
 */
export class SmoothGradRun {
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly progressText: HTMLElement;
  private readonly id: string;
  /** Where the SmoothGrad run on screen stands, for the line a Stop leaves. */
  private shown: SmoothGradProgress | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly shell: WidgetShell,
    private readonly args: () => SmoothGradArgs | undefined,
    private readonly onMap: (view: MapView) => void,
  ) {
    this.runButton = root.querySelector('[data-smooth-run]')!;
    this.stopButton = root.querySelector('[data-smooth-stop]')!;
    this.progressText = root.querySelector('[data-smooth-progress]')!;
    this.id = `${root.id}/smooth`;
    this.runButton.addEventListener('click', () => void this.start());
    this.stopButton.addEventListener('click', () => void this.stop());
  }

  /** Starts a run with the widget's current arguments, replacing any run under way. */
  async start(): Promise<void> {
    const args = this.args();
    if (!args) return;
    delete this.root.dataset['smooth'];
    this.showRunning(true);
    this.shown = undefined;
    let failed = false;
    // A new run under the same id replaces the old one, whose reports stop at once: nothing stale is drawn.
    const last = await this.shell.run(() =>
      startSession(this.id, 'smoothGradSaliency', args, (report) => this.show(report.progress), { reportEveryMs: 80 }).catch((error: unknown) => {
        failed = !isSuperseded(error);
        throw error;
      }),
    );
    // Stopped or replaced: the Stop button or the newer run has the buttons.
    if (!last && !failed) return;
    this.showRunning(false);
    if (!last) return;
    this.show(last);
    this.root.dataset['smooth'] = 'done';
  }

  private async stop(): Promise<void> {
    await cancelSession(this.id);
    this.showRunning(false);
    if (this.shown) this.progressText.textContent = t('stoppedAfter', { done: this.shown.done, total: this.shown.total });
  }

  private show(progress: SmoothGradProgress): void {
    this.shown = progress;
    this.progressText.textContent = t('samplesDone', { done: progress.done, total: progress.total });
    // Before the first sample the average is all zeros: nothing to draw yet.
    if (progress.done > 0) this.onMap(progress.map);
  }

  private showRunning(running: boolean): void {
    this.runButton.hidden = running;
    this.stopButton.hidden = !running;
  }
}
