import { isSuperseded } from '~/engine/shared/errors.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { engineInfo } from '~/engine/client.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';
import { WIDGET_STATE_CHANGED, WIDGET_STATE_REQUEST, type WidgetStateRequest } from './widget-events.ts';
import { WidgetStore } from './widget-store.ts';

/**
 * Fired (bubbling) by any part of a widget that had to set aside what a link or
 * saved state asked for, e.g. an image that no longer decodes; `detail` is the
 * sentence for the reader. The widget's shell shows it beside the status line.
 */
export const WIDGET_NOTICE = 'glassbox:widget-notice';

const t = strings(pageLang());

/**
 * The behaviour every widget shares: its saved or linked state, the status
 * line (backend and timing, or the error in words), the notices about restored
 * settings it could not use, and the permalink button.
 */
export class WidgetShell {
  readonly id: string;
  readonly store: WidgetStore;
  private readonly status: HTMLElement;
  private readonly notices: HTMLElement;

  constructor(
    readonly root: HTMLElement,
    kind: string,
    private readonly state: () => WidgetState,
  ) {
    this.id = root.id;
    this.store = new WidgetStore(this.id, kind, root.dataset['fixedState'], root.dataset['fixedBy']);
    this.status = root.querySelector('[data-widget-status]')!;
    this.notices = root.querySelector('[data-widget-notice]')!;
    root.addEventListener(WIDGET_NOTICE, (event) => this.notice((event as CustomEvent<string>).detail));
    root.addEventListener(WIDGET_STATE_REQUEST, (event) => {
      (event as CustomEvent<WidgetStateRequest>).detail.state = this.state();
    });
    const button = root.querySelector<HTMLButtonElement>('[data-widget-link]')!;
    button.addEventListener('click', async () => {
      const link = this.store.link(this.state());
      try {
        await navigator.clipboard.writeText(link);
        this.say(t('shell.linkCopied'));
      } catch {
        history.replaceState(null, '', link);
        this.say(t('shell.linkInAddressBar'));
      }
    });
  }

  /**
   * The state a link or an earlier visit left, if any, with every value the
   * widget does not offer replaced by its default; what was replaced, or a
   * broken link, is shown in the notice line, which later status messages keep.
   */
  restore(): WidgetState | undefined {
    const { state, notices } = this.store.load();
    for (const text of notices) this.notice(text);
    return state;
  }

  /** Adds a sentence to the notice line above the status line (it stays until the page is left). */
  notice(text: string): void {
    const line = document.createElement('span');
    line.textContent = text;
    this.notices.append(line);
    this.notices.hidden = false;
  }

  /** Runs one computation for the widget, reporting its time or its error. Stale results return undefined. */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    const start = performance.now();
    try {
      const result = await work();
      const ms = performance.now() - start;
      const info = await engineInfo();
      this.say(info ? t('shell.computedOn', { backend: info.backend, ms: ms.toFixed(1) }) : t('shell.computed', { ms: ms.toFixed(1) }));
      this.root.dataset['ready'] = 'true';
      const state = this.state();
      this.store.save(state);
      this.root.dispatchEvent(new CustomEvent(WIDGET_STATE_CHANGED, { bubbles: true, detail: state }));
      return result;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  /** Says `loading` until the widget's first input arrives; a failure to get it is shown, not thrown. */
  start(loading: string, first: Promise<void>): void {
    this.say(loading);
    first.catch((error: unknown) => this.fail(error));
  }

  /** Shows an error on the status line in the reader's language; a computation a newer one replaced is no error. */
  fail(error: unknown): void {
    if (!isSuperseded(error)) this.say(errorText(error), 'error');
  }

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset['kind'] = kind;
  }
}
