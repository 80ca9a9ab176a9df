/** The embedding map: a 2-D layout, its axes and frame drawn with Observable Plot, its dots painted on a canvas over them. */
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { loadPlot } from '~/components/ui/plot.ts';
import { DrawnMap, extent } from './map-dots.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';

const lang = pageLang();

export interface MapAxes {
  /** Axis labels, or null for a layout whose axes mean nothing (t-SNE). */
  x: string | null;
  y: string | null;
}

/**
 * Replaces the container's chart with the layout (n x 2 row-major) and returns where each point landed.
 * `domains` fixes the axes (maps drawn side by side compare only on the same axes); else they fit the points.
 */
export async function drawMap(
  container: HTMLElement,
  points: Float32Array,
  labels: Int32Array,
  axes: MapAxes,
  title: string,
  domains?: { x: [number, number]; y: [number, number] },
): Promise<DrawnMap> {
  const Plot = await loadPlot();
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
    // t-SNE: the padded extent, the same mapping `DrawnMap.move` uses between full draws; PCA: that extent, rounded.
    x: blank ? { axis: null, domain: extent(points, 0) } : { label: axes.x, domain: domains?.x ?? extent(points, 0), nice: true, grid: true },
    y: blank ? { axis: null, domain: extent(points, 1) } : { label: axes.y, domain: domains?.y ?? extent(points, 1), nice: true, grid: true },
    marks: [blank ? Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.25 }) : null],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', title);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  container.replaceChildren(chart, canvas);
  const sx = chart.scale('x')!;
  const sy = chart.scale('y')!;
  // Plot draws at `width` user units; the SVG may be shown narrower.
  const zoom = (chart.getBoundingClientRect().width || width) / width;
  const frame = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom, width, height, zoom };
  return new DrawnMap(canvas, frame, labels, points, (p, i) => [sx.apply!(p[2 * i]!) as number, sy.apply!(p[2 * i + 1]!) as number]);
}

/** A legend of the classes in their colours (HTML, drawn once). */
export function classLegend(list: HTMLElement): void {
  list.replaceChildren(
    ...OBJECT_CLASSES.map((name, c) => {
      const item = document.createElement('li');
      const swatch = document.createElement('i');
      swatch.style.background = CLASS_COLOURS[c]!;
      item.append(swatch, className(name, lang));
      return item;
    }),
  );
}
