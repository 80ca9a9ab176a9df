import { isSuperseded } from '~/engine/shared/errors.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { engineInfo } from '~/engine/client.ts';
import { WidgetStore } from './widget-store.ts';

/**
 * The behaviour every widget shares: its saved or linked state, the status
 * line (backend and timing, or the error in words), and the permalink button.
 */
export class WidgetShell {
  readonly id: string;
  readonly store: WidgetStore;
  private readonly status: HTMLElement;

  constructor(
    readonly root: HTMLElement,
    kind: string,
    private readonly state: () => WidgetState,
  ) {
    this.id = root.id;
    this.store = new WidgetStore(this.id, kind);
    this.status = root.querySelector('[data-widget-status]')!;
    const button = root.querySelector<HTMLButtonElement>('[data-widget-link]')!;
    button.addEventListener('click', async () => {
      const link = this.store.link(this.state());
      try {
        await navigator.clipboard.writeText(link);
        this.say('Link copied: it opens this page with the widget exactly as it is now.');
      } catch {
        history.replaceState(null, '', link);
        this.say('The address bar now holds a link to this view.');
      }
    });
  }

  /** The state a link or an earlier visit left, if any; a broken one is reported in the status line. */
  restore(): WidgetState | undefined {
    const { state, notice } = this.store.load();
    if (notice) this.say(notice, 'error');
    return state;
  }

  /** Runs one computation for the widget, reporting its time or its error. Stale results return undefined. */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    const start = performance.now();
    try {
      const result = await work();
      const ms = performance.now() - start;
      const info = await engineInfo();
      this.say(`Computed${info ? ` on ${info.backend}` : ''} in ${ms.toFixed(1)} ms.`);
      this.root.dataset['ready'] = 'true';
      this.store.save(this.state());
      return result;
    } catch (error) {
      if (isSuperseded(error)) return undefined;
      this.say((error as Error).message, 'error');
      return undefined;
    }
  }

  /** Says `loading` until the widget's first input arrives; a failure to get it is shown, not thrown. */
  start(loading: string, first: Promise<void>): void {
    this.say(loading);
    first.catch((error: Error) => this.say(error.message, 'error'));
  }

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset['kind'] = kind;
  }
}
