import type { MapView } from '~/engine/tasks/index.ts';
import { DIVERGING_STOPS, GREY, cssGradient } from '~/engine/shared/colour-scales.ts';
import { plain } from './format.ts';

const GRADIENTS = { gray: cssGradient(GREY), diverging: cssGradient(DIVERGING_STOPS) };

/** One MapCanvas: draws a MapView and places the marker box over map cells. */
export class MapFigure {
  readonly canvas: HTMLCanvasElement;
  private readonly marker: HTMLElement;
  private view: MapView | undefined;

  constructor(private readonly root: HTMLElement) {
    this.canvas = root.querySelector('[data-map-canvas]')!;
    this.marker = root.querySelector('[data-map-marker]')!;
  }

  get current(): MapView | undefined {
    return this.view;
  }

  draw(view: MapView): void {
    this.view = view;
    this.canvas.width = view.width;
    this.canvas.height = view.height;
    this.canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(view.rgba), view.width, view.height), 0, 0);
    this.root.querySelector('[data-map-dims]')!.textContent = `${view.height} × ${view.width}`;
    const { kind, min, max } = view.scale;
    const legend = this.root.querySelector<HTMLElement>('[data-map-legend]')!;
    const bar = document.createElement('i');
    bar.style.background = GRADIENTS[kind];
    const low = document.createElement('span');
    low.textContent = plain(Number(min.toPrecision(4)));
    const high = document.createElement('span');
    high.textContent = plain(Number(max.toPrecision(4)));
    legend.replaceChildren(low, bar, high);
  }

  /** The value at row i, column j. */
  value(i: number, j: number): number {
    return this.view!.values[i * this.view!.width + j]!;
  }

  /** Outlines rows [top, top + size) and columns [left, left + size), which may reach past the edge (padding). */
  mark(top: number, left: number, size: number): void {
    if (!this.view) return;
    const { width, height } = this.view;
    Object.assign(this.marker.style, {
      top: `${(top / height) * 100}%`,
      left: `${(left / width) * 100}%`,
      width: `${(size / width) * 100}%`,
      height: `${(size / height) * 100}%`,
    });
    this.marker.hidden = false;
  }

  unmark(): void {
    this.marker.hidden = true;
  }

  /** The map cell under a pointer event, clamped to the map. */
  cellAt(event: PointerEvent): [number, number] | undefined {
    if (!this.view) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    const i = Math.floor(((event.clientY - rect.top) / rect.height) * this.view.height);
    const j = Math.floor(((event.clientX - rect.left) / rect.width) * this.view.width);
    return [clamp(i, this.view.height), clamp(j, this.view.width)];
  }
}

function clamp(value: number, size: number): number {
  return Math.min(size - 1, Math.max(0, value));
}
