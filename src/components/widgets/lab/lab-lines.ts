/**
 * The lab's lines, drawn as plain SVG into a panel's Plot frame at the frame's
 * own scales: the reference and overlaid runs thin, this run thick with a dot
 * per epoch. A new epoch changes a few elements, not a whole chart.
 */
import type { Panel, Series } from './lab-plot.ts';

/** A scale of the frame (Plot's `chart.scale(name).apply`): a value to pixels. */
export type Scale = (value: number) => number;

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The half pixel by which Plot shifts its marks (its axes and grid included) on
 * screens with one device pixel per CSS pixel, so 1-pixel lines fall on whole
 * pixels; read once, as Plot reads it.
 */
const offset = globalThis.devicePixelRatio > 1 ? 0 : 0.5;

const px = (v: number): number => Math.round(v * 100) / 100;

/**
 * The path data of a straight-segment line through [epoch, value] points, as
 * Plot's line mark draws it (with d3's line): broken where a value is missing
 * (not a finite number), a lone point closed on itself so its round cap shows
 * as a dot, in pixels to a hundredth.
 */
export function linePath(points: readonly (readonly [number, number])[], x: Scale, y: Scale): string {
  let d = '';
  let run = 0;
  const end = (): void => {
    if (run === 1) d += 'Z';
    run = 0;
  };
  for (const [epoch, value] of points) {
    if (!Number.isFinite(value)) {
      end();
      continue;
    }
    d += `${run ? 'L' : 'M'}${px(x(epoch))},${px(y(value))}`;
    run += 1;
  }
  end();
  return d;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** The group a frame's lines are drawn into, shifted as Plot shifts its own marks. */
export function linesLayer(): SVGGElement {
  return element('g', offset ? { transform: `translate(${offset},${offset})` } : {});
}

/** Draws each series' line for `panel` into `layer`, replacing what it held: thin lines, then thick ones, then the thick ones' dots. */
export function drawLines(layer: SVGGElement, series: readonly Series[], panel: Panel, x: Scale, y: Scale): void {
  const lines = (thick: boolean): SVGGElement => {
    const group = element('g', {
      fill: 'none',
      'stroke-width': thick ? 2.5 : 1,
      ...(thick ? {} : { 'stroke-opacity': 0.65 }),
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    });
    for (const s of series.filter((s) => s.thick === thick)) {
      const d = linePath(s.points.map((p) => [p.epoch, p[panel]]), x, y);
      if (d) group.append(element('path', { stroke: s.colour, d }));
    }
    return group;
  };
  // This run's epochs as dots too: its first epoch is a point before it is a line.
  const dots = element('g', {});
  for (const s of series.filter((s) => s.thick)) {
    for (const p of s.points) {
      if (Number.isFinite(p[panel])) dots.append(element('circle', { fill: s.colour, cx: px(x(p.epoch)), cy: px(y(p[panel])), r: 2.5 }));
    }
  }
  layer.replaceChildren(lines(false), lines(true), dots);
}
