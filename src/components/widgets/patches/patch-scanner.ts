import { cancelSession, compute, startSession } from '~/engine/client.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { ScanProgress, TopPatchesResult } from '~/engine/tasks/index.ts';
import type { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-patches.ts';

const t = strings(pageLang());

/** The layer and the number of held-out images the controls ask to scan. */
export interface ScanChoice {
  layer: string;
  count: number;
}

/**
 * The held-out set the engine keeps under the widget's id: scans it through a
 * layer (the engine's scanLayer session) with a progress bar and a Stop /
 * Scan again button, and ranks a channel's units from it without scanning again.
 */
export class PatchScanner {
  /** The layer and size of the set the engine holds for this widget, once a scan has finished. */
  private scanned: ScanChoice | undefined;
  private scanning = false;
  private completed = 0;
  private readonly root: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;

  constructor(
    private readonly shell: WidgetShell,
    private readonly choice: () => ScanChoice,
    /** The channel and k to rank, read when the ranking runs. */
    private readonly ranking: () => [channel: number, k: number],
    private readonly onRanked: (top: TopPatchesResult) => void,
  ) {
    this.root = shell.root;
    this.button = this.root.querySelector('[data-scan]')!;
    this.progress = this.root.querySelector('[data-progress]')!;
    this.progressText = this.root.querySelector('[data-progress-text]')!;
    this.button.addEventListener('click', () => void this.toggle());
  }

  /** Scans the set the controls ask for, then ranks the channel; a running scan stops first. */
  async scan(): Promise<void> {
    const { layer, count } = this.choice();
    // The running scan stops now; the new one waits in the widget's lane until the old job has ended.
    void cancelSession(this.root.id);
    this.scanned = undefined;
    this.setScanning(true, count);
    let failed = false;
    const top = await this.shell.run(() =>
      this.scanThenRank(layer, count).catch((error: unknown) => {
        failed = !isSuperseded(error);
        throw error;
      }),
    );
    // Stopped (the Stop button has the controls) or overtaken by a newer scan (which has them).
    if (!top && !failed) return;
    this.setScanning(false, count);
    if (!top) return;
    this.scanned = { layer, count };
    this.root.dataset['scans'] = String(++this.completed);
    this.progressText.textContent = t('scanned', { count, seed: OBJECTS_SPLITS.heldOut.seed, layer });
    this.onRanked(top);
  }

  /** Ranks the channel from the scanned set, or scans first where the set is not the one the controls ask for. */
  async rank(): Promise<void> {
    if (this.scanning) return;
    const { layer, count } = this.choice();
    // A layer or set-size change that a channel click overtook in the queue, or a stopped scan: scan instead.
    if (!this.scanned || this.scanned.layer !== layer || this.scanned.count !== count) return this.scan();
    const id = this.root.id;
    const top = await this.shell.run(() => compute(id, (tasks) => tasks.topPatches(id, ...this.ranking())));
    if (top) this.onRanked(top);
  }

  /**
   * Scan and first ranking run as one job in the widget's lane, with the channel changes: a ranking never meets a
   * set that a new scan is replacing, and a job that a newer one overtook never delivers.
   */
  private scanThenRank(layer: string, count: number): Promise<TopPatchesResult> {
    const id = this.root.id;
    const onReport = ({ done, total }: ScanProgress) => {
      this.progress.value = done;
      this.progressText.textContent = t('scanning', { layer, done, total });
    };
    return compute(id, async (tasks) => {
      await startSession(id, 'scanLayer', { set: id, layer, count }, (report) => onReport(report.progress), { budgetMs: 12 });
      return tasks.topPatches(id, ...this.ranking());
    });
  }

  /** The button: stops the running scan, or scans again. */
  private async toggle(): Promise<void> {
    if (!this.scanning) return this.scan();
    await cancelSession(this.root.id);
    this.setScanning(false, this.progress.max);
    this.shell.say(t('stoppedSay'));
    this.progressText.textContent = t('stoppedAfter', { done: this.progress.value, total: this.progress.max });
  }

  private setScanning(on: boolean, count: number): void {
    this.scanning = on;
    this.root.dataset['scanning'] = String(on);
    this.button.textContent = t(on ? 'stop' : 'scanAgain');
    if (on) {
      this.progress.max = count;
      this.progress.value = 0;
      this.root.dataset['ready'] = 'false';
    }
  }
}
