import * as Y from 'yjs';
import { encodeState, type WidgetState } from '~/engine/shared/state.ts';
import { builtPage } from '~/components/assignment/lesson-pages.ts';
import { WIDGET_MOUNTED, WIDGET_STATE_CHANGED, widgetState } from '~/components/ui/widget-events.ts';
import { bootWidgets } from '~/components/widgets/boot.ts';
import type { Room } from './session-connect.ts';
import { changedFields, fieldsToState, stateToFields, type Fields } from './widget-fields.ts';

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
  private readonly path = location.pathname;
  /** The state each widget element started from or last reported: only a report that differs is the reader's change. */
  private readonly reported = new WeakMap<HTMLElement, string>();
  /** Nothing is shared before the room has arrived: a widget's own start must not overwrite the room's state. */
  private ready = false;

  constructor(
    private readonly room: Room,
    private readonly following: () => boolean,
  ) {
    this.widgets = room.doc.getMap('widgets') as Y.Map<Y.Map<unknown>>;
    const signal = room.signal;
    document.addEventListener(
      WIDGET_MOUNTED,
      (event) => {
        const root = event.target as HTMLElement;
        this.reported.set(root, JSON.stringify(widgetState(root.id)));
      },
      { signal },
    );
    document.addEventListener(
      WIDGET_STATE_CHANGED,
      (event) => {
        const root = event.target as HTMLElement;
        const state = JSON.stringify((event as CustomEvent<WidgetState>).detail);
        const before = this.reported.get(root);
        this.reported.set(root, state);
        if (this.ready && before !== state && this.following() && root.id) this.share(root.id, (event as CustomEvent<WidgetState>).detail);
      },
      { signal },
    );
    this.widgets.observeDeep((events, transaction) => {
      if (transaction.origin === room.local || !this.following()) return;
      const keys = new Set(events.map((e) => (e.target === this.widgets ? [...(e as Y.YMapEvent<unknown>).keysChanged] : [e.path[0] as string])).flat());
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
    const { set, drop } = changedFields(current, stateToFields(state));
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
  }

  private apply(key: string): void {
    if (!key.startsWith(`${this.path}#`)) return;
    const root = document.getElementById(key.slice(this.path.length + 1));
    const entry = this.widgets.get(key);
    if (!root?.dataset['widget'] || !(entry instanceof Y.Map)) return;
    const state = fieldsToState(entry.toJSON(), root.dataset['widget']);
    if (!state || JSON.stringify(widgetState(root.id)) === JSON.stringify(state)) return;
    if (root.dataset['mounted']) void this.remount(root, state);
    else setFixed(root, state);
  }

  private async remount(root: HTMLElement, state: WidgetState): Promise<void> {
    const page = await builtPage(this.path);
    const pristine = page.getElementById(root.id);
    if (!pristine || !root.isConnected) return;
    const fresh = document.importNode(pristine, true) as HTMLElement;
    setFixed(fresh, state);
    root.replaceWith(fresh);
    bootWidgets();
  }
}

function setFixed(root: HTMLElement, state: WidgetState): void {
  root.dataset['fixedState'] = encodeState(state);
  root.dataset['fixedBy'] = 'The session';
}
