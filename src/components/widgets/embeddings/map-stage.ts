import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { drawThumb, type HeldOutSet } from './heldout-set.ts';
import { ARROWS, stepToward } from './map-keys.ts';
import type { DrawnMap } from './map-dots.ts';
import { drawMap, type MapAxes } from './map-plot.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

const lang = pageLang();
const t = strings(lang);

export type MapMethod = 'pca' | 'tsne';

/**
 * The embedding map's figure: the chart, the hover card with the image under
 * the pointer, and the ring around the dot last clicked. A click calls
 * `onPick` with the image's index. From the keyboard, the focused map shows a
 * cursor dot's card: arrow keys move it to the next dot that way, Enter or
 * Space picks it.
 */
export class MapStage {
  /** The layout on screen and how it was made. */
  points: Float32Array | undefined;
  method: MapMethod | undefined;
  private drawn: DrawnMap | undefined;
  private selected = -1;
  private cursor = -1;
  private readonly plot: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly ring: HTMLElement;
  /** Says the keyboard cursor's image to screen readers. */
  private readonly said: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly held: HeldOutSet,
    onPick: (index: number) => void,
  ) {
    this.plot = root.querySelector('[data-plot]')!;
    this.tip = root.querySelector('[data-tip]')!;
    this.ring = root.querySelector('[data-ring]')!;
    this.said = root.querySelector('[data-cursor]')!;
    this.plot.addEventListener('pointermove', (event) => this.hover(this.pointAt(event)));
    this.plot.addEventListener('pointerleave', () => (this.tip.hidden = true));
    const pick = (i: number) => {
      this.selected = i;
      this.cursor = i;
      this.placeRing();
      onPick(i);
    };
    this.plot.addEventListener('click', (event) => {
      const i = this.pointAt(event);
      if (i >= 0) pick(i);
    });
    this.plot.addEventListener('focus', () => this.showCursor(this.startCursor()));
    this.plot.addEventListener('blur', () => (this.tip.hidden = true));
    this.plot.addEventListener('keydown', (event) => {
      const arrow = ARROWS[event.key];
      if (arrow && this.drawn) {
        this.cursor = stepToward(this.drawn.xs, this.drawn.ys, this.startCursor(), arrow[0], arrow[1]);
        this.showCursor(this.cursor);
      } else if ((event.key === 'Enter' || event.key === ' ') && this.startCursor() >= 0) {
        pick(this.cursor);
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  /** The keyboard cursor: where it was, else the picked dot, else the dot nearest the middle; -1 before a draw. */
  private startCursor(): number {
    if (!this.drawn) return -1;
    if (this.cursor < 0 || this.cursor >= this.drawn.xs.length) {
      this.cursor = this.selected >= 0 ? this.selected : this.drawn.hit(this.plot.clientWidth / 2, this.plot.clientHeight / 2, Infinity);
    }
    return this.cursor;
  }

  /** Builds the chart for a layout (tens of ms for 2,000 dots). */
  async draw(points: Float32Array, method: MapMethod, axes: MapAxes): Promise<void> {
    this.points = points;
    this.method = method;
    this.tip.hidden = true;
    const title = t(method === 'pca' ? 'mapTitlePca' : 'mapTitleTsne', { n: this.held.n });
    this.drawn = await drawMap(this.plot, points, this.held.labels, axes, title);
    this.drawn.publish();
    this.placeRing();
    this.followCursor();
  }

  /** Moves the dots of a t-SNE chart already on screen to a new layout (a few ms); false if there is none. */
  move(points: Float32Array): boolean {
    if (!this.drawn || this.method !== 'tsne') return false;
    this.points = points;
    this.tip.hidden = true;
    this.drawn.move(points);
    this.placeRing();
    this.followCursor();
    return true;
  }

  /** Writes where each dot of a layout that has stopped moving is drawn (see DrawnMap.publish). */
  publish(): void {
    this.drawn?.publish();
  }

  /** Keeps the keyboard cursor's card on its dot while the map is focused and the dots move. */
  private followCursor(): void {
    if (document.activeElement === this.plot) this.hover(this.startCursor());
  }

  private showCursor(i: number): void {
    this.hover(i);
    this.said.textContent = i < 0 ? '' : t('cursor', { i, name: className(OBJECT_CLASSES[this.held.labels[i]!]!, lang) });
  }

  private hover(i: number): void {
    this.tip.hidden = i < 0;
    if (i < 0) return;
    drawThumb(this.tip.querySelector('canvas')!, this.held, i);
    this.tip.querySelector('span')!.textContent = `#${i} ${className(OBJECT_CLASSES[this.held.labels[i]!]!, lang)}`;
    this.tip.style.left = `${Math.min(this.drawn!.xs[i]! + 12, this.plot.clientWidth - 100)}px`;
    this.tip.style.top = `${this.drawn!.ys[i]! + 12}px`;
  }

  private placeRing(): void {
    this.ring.hidden = !this.drawn || this.selected < 0;
    if (this.ring.hidden) return;
    this.ring.style.left = `${this.drawn!.xs[this.selected]}px`;
    this.ring.style.top = `${this.drawn!.ys[this.selected]}px`;
  }

  private pointAt(event: MouseEvent): number {
    if (!this.drawn) return -1;
    const box = this.plot.getBoundingClientRect();
    return this.drawn.hit(event.clientX - box.left, event.clientY - box.top);
  }
}
