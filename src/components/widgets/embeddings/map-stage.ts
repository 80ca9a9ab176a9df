import { OBJECT_CLASSES } from '~/engine/data/classes.ts';
import { drawThumb, type HeldOutSet } from './heldout-set.ts';
import { drawMap, type DrawnMap, type MapAxes } from './map-plot.ts';

export type MapMethod = 'pca' | 'tsne';

/**
 * The embedding map's figure: the chart, the hover card with the image under
 * the pointer, and the ring around the dot last clicked. A click calls
 * `onPick` with the image's index.
 */
export class MapStage {
  /** The layout on screen and how it was made. */
  points: Float32Array | undefined;
  method: MapMethod | undefined;
  private drawn: DrawnMap | undefined;
  private selected = -1;
  private readonly plot: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly ring: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly held: HeldOutSet,
    onPick: (index: number) => void,
  ) {
    this.plot = root.querySelector('[data-plot]')!;
    this.tip = root.querySelector('[data-tip]')!;
    this.ring = root.querySelector('[data-ring]')!;
    this.plot.addEventListener('pointermove', (event) => this.hover(this.pointAt(event)));
    this.plot.addEventListener('pointerleave', () => (this.tip.hidden = true));
    this.plot.addEventListener('click', (event) => {
      const i = this.pointAt(event);
      if (i < 0) return;
      this.selected = i;
      this.placeRing();
      onPick(i);
    });
  }

  /** Builds the chart for a layout (tens of ms for 2,000 dots). */
  async draw(points: Float32Array, method: MapMethod, axes: MapAxes): Promise<void> {
    this.points = points;
    this.method = method;
    this.tip.hidden = true;
    const title = `${method === 'pca' ? 'PCA' : 't-SNE'} map of ${this.held.n} held-out embeddings, coloured by class`;
    this.drawn = await drawMap(this.plot, points, this.held.labels, axes, title);
    this.placeRing();
  }

  /** Moves the dots of a t-SNE chart already on screen to a new layout (a few ms); false if there is none. */
  move(points: Float32Array): boolean {
    if (!this.drawn || this.method !== 'tsne') return false;
    this.points = points;
    this.tip.hidden = true;
    this.drawn.move(points);
    this.placeRing();
    return true;
  }

  private hover(i: number): void {
    this.tip.hidden = i < 0;
    if (i < 0) return;
    drawThumb(this.tip.querySelector('canvas')!, this.held, i);
    this.tip.querySelector('span')!.textContent = `#${i} ${OBJECT_CLASSES[this.held.labels[i]!]}`;
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
