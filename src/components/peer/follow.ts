import * as Y from 'yjs';
import { headerHeight, locate, resolve } from './page-anchor.ts';
import { onPresence, participants, publish, type Presence } from './presence.ts';
import { readValue, metaSchema } from './room-schema.ts';
import type { Room } from './session-connect.ts';
import { basePath, localizedPath, pageLang } from '~/i18n/lang.ts';

/**
 * Follow the presenter: the presenter's page publishes its lesson, its place
 * on the page and its pointer; a follower's page goes to that lesson, scrolls
 * to that place and draws the pointer with the presenter's name. The wheel
 * (who presents) is `meta.presenter`, the host until handed over.
 */
export class Follow {
  private readonly meta: Y.Map<unknown>;
  private readonly pointer: HTMLElement;
  private lastScroll = -1;

  constructor(
    private readonly room: Room,
    private readonly following: () => boolean,
  ) {
    this.meta = room.doc.getMap('meta');
    this.pointer = Object.assign(document.createElement('div'), { className: 'peer-pointer', hidden: true });
    this.pointer.setAttribute('aria-hidden', 'true');
    document.body.append(this.pointer);
    const signal = room.signal;
    addEventListener(
      'scroll',
      throttle(() => this.publishPlace(), 120),
      { passive: true, signal },
    );
    addEventListener(
      'resize',
      throttle(() => this.track(), 200),
      { signal },
    );
    const main = document.querySelector('main');
    main?.addEventListener(
      'pointermove',
      throttle((event: PointerEvent) => this.publishPointer(event, main), 50),
      { signal },
    );
    main?.addEventListener('pointerleave', () => this.isPresenter() && publish(this.room, { pointer: undefined }), { signal });
    signal.addEventListener('abort', () => this.pointer.remove());
    onPresence(room, () => this.track());
    this.meta.observe(() => this.roleChanged());
  }

  /** The presenter's participant id: whoever has the wheel, else the host. */
  presenter(): string | undefined {
    const meta = readValue(metaSchema, this.meta.toJSON());
    return meta?.presenter ?? meta?.host;
  }

  isPresenter(): boolean {
    return this.presenter() === this.room.me.id;
  }

  isHost(): boolean {
    return readValue(metaSchema, this.meta.toJSON())?.host === this.room.me.id;
  }

  /** Gives the wheel to `id` (the presenter or the host may). */
  handOver(id: string): void {
    if (this.isPresenter() || this.isHost()) this.room.doc.transact(() => this.meta.set('presenter', id), this.room.local);
  }

  ask(asking: boolean): void {
    publish(this.room, { ask: asking });
  }

  /** Called once the room has arrived, and when follow mode is switched on. */
  start(): void {
    this.roleChanged();
    this.track();
  }

  private roleChanged(): void {
    if (this.isPresenter()) {
      publish(this.room, { ask: false });
      this.publishPlace();
    } else {
      publish(this.room, { at: undefined, pointer: undefined });
      this.track();
    }
  }

  private publishPlace(): void {
    if (!this.isPresenter()) return;
    publish(this.room, { at: { path: basePath(location.pathname), ...locate(scrollY + headerHeight()) } });
  }

  private publishPointer(event: PointerEvent, main: HTMLElement): void {
    if (!this.isPresenter()) return;
    const box = main.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
    publish(this.room, { pointer: { path: basePath(location.pathname), ...locate(event.pageY), x } });
  }

  /** A follower's page goes where the presenter is. */
  private track(): void {
    const lead = this.lead();
    this.pointer.hidden = true;
    if (!lead?.at || !this.following() || this.isPresenter()) return;
    // Places are published without the edition prefix: a follower reading Korean follows into the Korean edition.
    if (lead.at.path !== basePath(location.pathname)) {
      // The schema allows only a path of this site; the check here does not rely on it.
      const next = new URL(lead.at.path, location.origin);
      if (next.origin === location.origin) location.assign(localizedPath(next.pathname, pageLang()));
      return;
    }
    const top = Math.max(0, Math.round(resolve(lead.at) - headerHeight()));
    if (top !== this.lastScroll) {
      this.lastScroll = top;
      scrollTo({ top, behavior: 'instant' });
    }
    if (lead.pointer && lead.pointer.path === basePath(location.pathname)) this.drawPointer(lead);
  }

  private drawPointer(lead: Presence): void {
    const main = document.querySelector('main');
    if (!main || !lead.pointer) return;
    const box = main.getBoundingClientRect();
    this.pointer.style.left = `${box.left + scrollX + lead.pointer.x * box.width}px`;
    this.pointer.style.top = `${resolve(lead.pointer)}px`;
    this.pointer.textContent = lead.name;
    this.pointer.hidden = false;
  }

  private lead(): Presence | undefined {
    const id = this.presenter();
    return participants(this.room).find((p) => p.id === id);
  }
}

function throttle<A extends unknown[]>(run: (...args: A) => void, ms: number): (...args: A) => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    const wait = last + ms - performance.now();
    if (wait <= 0) {
      last = performance.now();
      run(...args);
    } else
      timer = setTimeout(() => {
        last = performance.now();
        run(...args);
      }, wait);
  };
}
