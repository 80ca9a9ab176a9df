import { decodeState, encodeState, parseWidgetState, type WidgetState } from '~/engine/shared/state.ts';

/**
 * Keeps a widget's state across visits (localStorage) and in shareable links
 * (`?state.<id>=`). A link wins over the saved state; a broken link or a stale
 * saved state is reported and ignored, never fatal.
 */
export class WidgetStore {
  private readonly key: string;

  constructor(
    private readonly id: string,
    private readonly widget: string,
  ) {
    this.key = `glassbox:widget:${location.pathname}:${id}`;
  }

  /** The state to start from, and a notice if a link or saved state had to be ignored. */
  load(): { state?: WidgetState; notice?: string } {
    const linked = new URLSearchParams(location.search).get(`state.${this.id}`);
    if (linked) {
      try {
        return { state: decodeState(linked, this.widget) };
      } catch (error) {
        return { notice: `This link's widget state could not be read (${(error as Error).message}); showing the default.` };
      }
    }
    try {
      const saved = localStorage.getItem(this.key);
      return saved ? { state: parseWidgetState(JSON.parse(saved), this.widget) } : {};
    } catch {
      return {};
    }
  }

  save(state: WidgetState): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(state));
    } catch {
      // Storage full or disabled: the widget still works, it just forgets on reload.
    }
  }

  /** A link to this page that restores the widget in this state. */
  link(state: WidgetState): string {
    const url = new URL(location.href);
    url.hash = this.id;
    url.searchParams.set(`state.${this.id}`, encodeState(state));
    return url.toString();
  }
}
