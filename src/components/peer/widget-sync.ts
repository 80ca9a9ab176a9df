import * as Y from 'yjs';
import { encodeState, type WidgetState } from '~/engine/shared/state.ts';
import { builtPage } from '~/components/assignment/lesson-pages.ts';
import { WIDGET_STATE_CHANGED, widgetState } from '~/components/ui/widget-events.ts';
import { bootWidgets } from '~/components/widgets/boot.ts';
import type { Room } from './session-connect.ts';
import { changedFields, fieldsProblem, fieldsToState, stateToFields, type Fields } from './widget-fields.ts';
import { basePath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/peer.ts';

const t = strings(pageLang());

/**
 * Shares the widgets of this page with the room while the reader follows: a
 * state a widget has computed from goes to the room, and a state another
 * participant set comes back into the widget. A widget not yet mounted simply
 * mounts with the room's state; a mounted one is replaced by a fresh copy of
 * its markup (from the built page) that mounts with it, which is how every
 * widget already starts from a link or an assignment.
 */
export class WidgetSync {
  private readonly widgets: Y.Map<Y.Map<unknown>>;
  private readonly path = basePath(location.pathname);
  /** Widget elements the reader has used since they mounted: only their computations are the reader's changes. */
  private readonly touched = new WeakSet<Element>();
  /** The latest room state each widget is to be remounted with, while its fresh copy is being made. */
  private readonly wanted = new Map<string, WidgetState>();
  /** Nothing is shared before the room has arrived: a widget's own start must not overwrite the room's state. */
  private ready = false;

  constructor(
    private readonly room: Room,
    private readonly following: () => boolean,
    /** Told when this page sends a widget state and when one from the room arrives for it (the panel keeps the times). */
    private readonly traffic: (way: 'sent' | 'received') => void,
  ) {
    this.widgets = room.doc.getMap('widgets') as Y.Map<Y.Map<unknown>>;
    const signal = room.signal;
    // A widget's start, or its first computation from a state the room gave it (which the widget may
    // adjust, e.g. to a model only the presenter has), is not the reader's change: their input is.
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'input', 'change', 'wheel', 'drop']) {
      document.addEventListener(
        type,
        (event) => {
          const root = (event.target as Element | null)?.closest?.('[data-widget]');
          if (root) this.touched.add(root);
        },
        { capture: true, passive: true, signal },
      );
    }
    document.addEventListener(
      WIDGET_STATE_CHANGED,
      (event) => {
        const root = event.target as HTMLElement;
        if (this.ready && this.touched.has(root) && this.following() && root.id) this.share(root.id, (event as CustomEvent<WidgetState>).detail);
      },
      { signal },
    );
    this.widgets.observeDeep((events, transaction) => {
      if (transaction.origin === room.local || !this.following()) return;
      const keys = new Set(events.map((e) => (e.target === this.widgets ? [...(e as Y.YMapEvent<unknown>).keysChanged] : [e.path[0] as string])).flat());
      if ([...keys].some((key) => key.startsWith(`${this.path}#`))) this.traffic('received');
      for (const key of keys) this.apply(key);
    });
  }

  /** Once the room has arrived: sharing starts, and a follower's widgets take the room's states. */
  start(following: boolean): void {
    this.ready = true;
    // The fresh copies of this page's widgets come from its built page: fetched now, not at the first change.
    if (document.querySelector('[data-widget]')) builtPage(this.path).catch(() => undefined);
    if (following) this.applyAll();
  }

  /** Brings every widget of this page to the room's state (on joining, and on coming back to follow mode). */
  applyAll(): void {
    for (const root of document.querySelectorAll<HTMLElement>('[data-widget][id]')) this.apply(this.key(root.id));
  }

  private key(id: string): string {
    return `${this.path}#${id}`;
  }

  private share(id: string, state: WidgetState): void {
    const key = this.key(id);
    const entry = this.widgets.get(key);
    const current: Fields = entry instanceof Y.Map ? entry.toJSON() : {};
    const next = stateToFields(state);
    // A state the server would refuse (a number field left empty, say) stays on this page.
    if (fieldsProblem(next)) return;
    const { set, drop } = changedFields(current, next);
    if (!Object.keys(set).length && !drop.length) return;
    this.room.doc.transact(() => {
      let fields = this.widgets.get(key);
      if (!(fields instanceof Y.Map)) {
        fields = new Y.Map<unknown>();
        this.widgets.set(key, fields);
      }
      for (const [name, value] of Object.entries(set)) fields.set(name, value);
      for (const name of drop) fields.delete(name);
      fields.set('by', this.room.me.id);
      fields.set('at', Date.now());
    }, this.room.local);
    this.traffic('sent');
  }

  private apply(key: string): void {
    if (!key.startsWith(`${this.path}#`)) return;
    const root = document.getElementById(key.slice(this.path.length + 1));
    const entry = this.widgets.get(key);
    if (!root?.dataset['widget'] || !(entry instanceof Y.Map)) return;
    const state = fieldsToState(entry.toJSON(), root.dataset['widget']);
    if (!state || JSON.stringify(widgetState(root.id)) === JSON.stringify(state)) return;
    if (root.dataset['mounted']) void this.remount(root.id, state);
    else setFixed(root, state);
  }

  /** Replaces a mounted widget by a fresh copy that mounts with the latest state the room gave it. */
  private async remount(id: string, state: WidgetState): Promise<void> {
    this.wanted.set(id, state);
    const page = await builtPage(this.path);
    const want = this.wanted.get(id);
    this.wanted.delete(id);
    const root = document.getElementById(id);
    const pristine = page.getElementById(id);
    if (!want || !root || !pristine || JSON.stringify(widgetState(id)) === JSON.stringify(want)) return;
    const fresh = document.importNode(pristine, true) as HTMLElement;
    setFixed(fresh, want);
    root.replaceWith(fresh);
    bootWidgets();
  }
}

function setFixed(root: HTMLElement, state: WidgetState): void {
  root.dataset['fixedState'] = encodeState(state);
  root.dataset['fixedBy'] = t('sync.fixedBy');
}
