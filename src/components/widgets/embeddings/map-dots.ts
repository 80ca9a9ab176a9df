/**
 * The embedding map's dots, painted on a canvas over Plot's axes: 2,000 SVG
 * circles cost the page a 57 ms task to build and tens of ms to restyle on
 * every t-SNE frame; a canvas repaints them in a few. Keeps where each dot
 * landed, for the hit test, the ring and the hover card.
 */
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';

/** The layout's range on one axis, padded by 4% each side (t-SNE maps have no axis worth rounding). */
export function extent(points: Float32Array, axis: 0 | 1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = axis; i < points.length; i += 2) {
    lo = Math.min(lo, points[i]!);
    hi = Math.max(hi, points[i]!);
  }
  const pad = (hi - lo) * 0.04 || 1;
  return [lo - pad, hi + pad];
}

/** The chart's plotting area in its own units, and the CSS pixels per unit it is shown at. */
export interface MapFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
  zoom: number;
}

/** Screen positions of the dots last painted, in the map's CSS pixels, and a cheap repaint for t-SNE frames. */
export class DrawnMap {
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  private readonly context: CanvasRenderingContext2D;
  /** Canvas pixels per CSS pixel. */
  private readonly dpr = window.devicePixelRatio || 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly frame: MapFrame,
    private readonly labels: Int32Array,
    points: Float32Array,
    place: (points: Float32Array, i: number) => [number, number],
  ) {
    this.xs = new Float32Array(labels.length);
    this.ys = new Float32Array(labels.length);
    canvas.width = Math.round(frame.width * frame.zoom * this.dpr);
    canvas.height = Math.round(frame.height * frame.zoom * this.dpr);
    canvas.style.width = `${frame.width * frame.zoom}px`;
    canvas.style.height = `${frame.height * frame.zoom}px`;
    this.context = canvas.getContext('2d')!;
    this.locate(points, place);
  }

  /** Moves the dots of a t-SNE map to a new layout: the same padded extent `drawMap` gives t-SNE's axes. */
  move(points: Float32Array): void {
    const [x0, x1] = extent(points, 0);
    const [y0, y1] = extent(points, 1);
    const { left, right, top, bottom } = this.frame;
    this.locate(points, (p, i) => [left + ((p[2 * i]! - x0) / (x1 - x0)) * (right - left), bottom - ((p[2 * i + 1]! - y0) / (y1 - y0)) * (bottom - top)]);
  }

  /** The point nearest (cx, cy) within `radius` pixels, else -1. */
  hit(cx: number, cy: number, radius = 10): number {
    let best = -1;
    let bestD = radius * radius;
    for (let i = 0; i < this.xs.length; i++) {
      const d = (this.xs[i]! - cx) ** 2 + (this.ys[i]! - cy) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  private locate(points: Float32Array, place: (points: Float32Array, i: number) => [number, number]): void {
    for (let i = 0; i < this.xs.length; i++) {
      const [x, y] = place(points, i);
      this.xs[i] = x * this.frame.zoom;
      this.ys[i] = y * this.frame.zoom;
    }
    this.paint();
  }

  /** One path per class, so the canvas changes colour ten times, not 2,000. */
  private paint(): void {
    const { context, dpr } = this;
    const radius = (this.xs.length > 1000 ? 2.2 : 3) * this.frame.zoom * dpr;
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.globalAlpha = 0.85;
    CLASS_COLOURS.forEach((colour, c) => {
      context.beginPath();
      for (let i = 0; i < this.xs.length; i++) {
        if (this.labels[i] !== c) continue;
        const x = this.xs[i]! * dpr;
        const y = this.ys[i]! * dpr;
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, 2 * Math.PI);
      }
      context.fillStyle = colour;
      context.fill();
    });
    this.canvas.dataset['dots'] = String(this.xs.length);
  }

  /** Writes where each dot is, in the map's CSS pixels, for tools and tests, which cannot see into a canvas (not per frame: it makes garbage). */
  publish(): void {
    this.canvas.dataset['screen'] = JSON.stringify(Array.from(this.xs, (x, i) => [Math.round(x * 10) / 10, Math.round(this.ys[i]! * 10) / 10]));
  }
}
