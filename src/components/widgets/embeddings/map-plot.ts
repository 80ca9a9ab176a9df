/** The embedding map: a 2-D layout drawn with Observable Plot, coloured by class, with a hit test for hover and click. */
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { loadPlot } from '~/components/ui/plot.ts';

export interface MapAxes {
  /** Axis labels, or null for a layout whose axes mean nothing (t-SNE). */
  x: string | null;
  y: string | null;
}

/** The layout's range on one axis, padded by 4% each side (t-SNE maps have no axis worth rounding). */
function extent(points: Float32Array, axis: 0 | 1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = axis; i < points.length; i += 2) {
    lo = Math.min(lo, points[i]!);
    hi = Math.max(hi, points[i]!);
  }
  const pad = (hi - lo) * 0.04 || 1;
  return [lo - pad, hi + pad];
}

/** Screen positions of the points last drawn, in the container's CSS pixels, and a cheap redraw for t-SNE frames. */
export class DrawnMap {
  readonly xs: Float32Array;
  readonly ys: Float32Array;

  constructor(
    private readonly chart: Element,
    private readonly frame: { left: number; right: number; top: number; bottom: number; zoom: number },
    points: Float32Array,
    private readonly place: (points: Float32Array, i: number) => [number, number],
  ) {
    const n = points.length / 2;
    this.xs = new Float32Array(n);
    this.ys = new Float32Array(n);
    this.locate(points);
  }

  /**
   * Moves the dots of a t-SNE map to a new layout by setting their positions
   * (a few ms for 2,000 dots), instead of rebuilding the chart as `drawMap`
   * does (tens of ms), so animation frames stay short.
   */
  move(points: Float32Array): void {
    const [x0, x1] = extent(points, 0);
    const [y0, y1] = extent(points, 1);
    const { left, right, top, bottom, zoom } = this.frame;
    const circles = this.chart.querySelectorAll('circle');
    for (let i = 0; i < circles.length; i++) {
      const cx = left + ((points[2 * i]! - x0) / (x1 - x0)) * (right - left);
      const cy = bottom - ((points[2 * i + 1]! - y0) / (y1 - y0)) * (bottom - top);
      circles[i]!.setAttribute('cx', cx.toFixed(1));
      circles[i]!.setAttribute('cy', cy.toFixed(1));
      this.xs[i] = cx * zoom;
      this.ys[i] = cy * zoom;
    }
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

  private locate(points: Float32Array): void {
    for (let i = 0; i < this.xs.length; i++) {
      const [x, y] = this.place(points, i);
      this.xs[i] = x * this.frame.zoom;
      this.ys[i] = y * this.frame.zoom;
    }
  }
}

/** Replaces the container's chart with the layout (n x 2 row-major) and returns where each point landed. */
export async function drawMap(container: HTMLElement, points: Float32Array, labels: Int32Array, axes: MapAxes, title: string): Promise<DrawnMap> {
  const Plot = await loadPlot();
  const n = labels.length;
  const data = Array.from({ length: n }, (_, i) => i);
  const px = (i: number) => points[2 * i]!;
  const py = (i: number) => points[2 * i + 1]!;
  const width = Math.max(280, Math.min(640, container.clientWidth || 560));
  const height = Math.round(width * 0.78);
  const blank = axes.x === null;
  const margin = blank ? { top: 12, right: 12, bottom: 12, left: 12 } : { top: 26, right: 12, bottom: 40, left: 48 };
  const chart = Plot.plot({
    width,
    height,
    marginTop: margin.top,
    marginLeft: margin.left,
    marginBottom: margin.bottom,
    marginRight: margin.right,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    // t-SNE: the padded extent, the same mapping `DrawnMap.move` uses between full draws.
    x: blank ? { axis: null, domain: extent(points, 0) } : { label: axes.x, nice: true, grid: true },
    y: blank ? { axis: null, domain: extent(points, 1) } : { label: axes.y, nice: true, grid: true },
    color: { type: 'ordinal', domain: OBJECT_CLASSES.map((_, c) => c), range: CLASS_COLOURS, tickFormat: (c: number) => OBJECT_CLASSES[c] },
    marks: [
      blank ? Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.25 }) : null,
      Plot.dot(data, { x: px, y: py, fill: (i: number) => labels[i], r: n > 1000 ? 2.2 : 3, fillOpacity: 0.85 }),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', title);
  container.replaceChildren(chart);
  const sx = chart.scale('x')!;
  const sy = chart.scale('y')!;
  // Plot draws at `width` user units; the SVG may be shown narrower.
  const zoom = (chart.getBoundingClientRect().width || width) / width;
  const frame = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom, zoom };
  return new DrawnMap(chart, frame, points, (p, i) => [sx.apply!(p[2 * i]!) as number, sy.apply!(p[2 * i + 1]!) as number]);
}

/** A legend of the classes in their colours (HTML, drawn once). */
export function classLegend(list: HTMLElement): void {
  list.replaceChildren(
    ...OBJECT_CLASSES.map((name, c) => {
      const item = document.createElement('li');
      const swatch = document.createElement('i');
      swatch.style.background = CLASS_COLOURS[c]!;
      item.append(swatch, name);
      return item;
    }),
  );
}
