import { decodeState, encodeState, parseWidgetState, type WidgetState } from '~/engine/shared/state.ts';
import { validateWidgetState } from '~/engine/shared/widget-params/validate.ts';
import { writeStored } from './stored.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageKey, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';

const lang = pageLang();
const t = strings(lang);

/**
 * Keeps a widget's state across visits (localStorage) and in shareable links
 * (`?state.<id>=`). A fixed state (`data-fixed-state` on the widget, set by an
 * assignment or a peer session, encoded like a link) wins over a link, and a
 * link over the saved state; a broken one is reported and ignored, never fatal.
 */
export class WidgetStore {
  private readonly key: string;

  constructor(
    private readonly id: string,
    private readonly widget: string,
    private readonly fixed?: string,
    /** Who fixed the state, for the notice when it cannot be read: an assignment or a peer session. */
    private readonly fixedBy = t('store.theAssignment'),
  ) {
    // Both editions of a page share its widgets' settings (a reader who switches language keeps them).
    this.key = `glassbox:widget:${pageKey(location.pathname)}/:${id}`;
  }

  /**
   * The state to start from, and notices for what had to be ignored: a broken
   * link, or values outside what the widget offers (each replaced by its default).
   */
  load(): { state?: WidgetState; notices: string[] } {
    if (this.fixed) {
      try {
        return checked(decodeState(this.fixed, this.widget), this.fixedBy);
      } catch (error) {
        return { notices: [t('store.fixedUnreadable', { source: this.fixedBy, error: errorText(error) })] };
      }
    }
    const linked = new URLSearchParams(location.search).get(`state.${this.id}`);
    if (linked) {
      try {
        return checked(decodeState(linked, this.widget), t('store.thisLink'));
      } catch (error) {
        return { notices: [t('store.linkUnreadable', { error: errorText(error) })] };
      }
    }
    try {
      const saved = localStorage.getItem(this.key);
      return saved ? checked(parseWidgetState(JSON.parse(saved), this.widget), t('store.lastVisit')) : { notices: [] };
    } catch {
      return { notices: [] };
    }
  }

  save(state: WidgetState): void {
    writeStored(this.key, state);
  }

  /** A link to this page that restores the widget in this state. */
  link(state: WidgetState): string {
    const url = new URL(location.href);
    url.hash = this.id;
    url.searchParams.set(`state.${this.id}`, encodeState(state));
    return url.toString();
  }
}

/** A restored state with its refused values replaced, and one notice saying where they came from. */
function checked(state: WidgetState, source: string): { state: WidgetState; notices: string[] } {
  const result = validateWidgetState(state, lang);
  const notices = result.notices.length ? [t('store.refused', { source, notices: result.notices.join(' ') })] : [];
  return { state: result.state, notices };
}
