/**
 * The lab's curves: one small Observable Plot frame (axes and grid) per figure,
 * drawn again only when its scales change, with this run thick over the
 * reference runs and the runs overlaid drawn into it (lab-lines.ts).
 */
import { loadPlot, type PlotModule } from '~/components/ui/plot.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { LabPoint } from '~/engine/train/lab/run.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-lab.ts';
import { drawLines, linesLayer, type Scale } from './lab-lines.ts';

const t = strings(pageLang());

/** One line on every panel. */
export interface Series {
  key: string;
  label: string;
  colour: string;
  /** This run (thick), or one drawn for comparison (thin). */
  thick: boolean;
  points: readonly LabPoint[];
}

/** The panels, by the LabPoint field each draws. */
export type Panel = 'trainLoss' | 'heldOut' | 'unseen' | 'pointing';

const FRACTION: ReadonlySet<Panel> = new Set(['heldOut', 'unseen', 'pointing']);

/**
 * Each panel's width, as the browser last laid it out: read in the rendering
 * step, so a redraw never forces a layout of the page to ask for it.
 */
const widths = new WeakMap<Element, number>();
const sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => entries.forEach((e) => widths.set(e.target, e.contentRect.width)));

/**
 * The top of the loss panel's y axis: the largest loss shown, rounded up to a
 * quarter of its power of ten (0.73 -> 0.75, 1.02 -> 1.25, 2.31 -> 2.5), or 1
 * when there is none. It changes only when the largest loss crosses a quarter
 * (a run's first epoch, a run overlaid or hidden), so during a run the loss
 * panel's frame is drawn once and its later epochs only move its lines.
 */
export function lossTop(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter(Number.isFinite));
  if (max === 0) return 1;
  const power = Math.floor(Math.log10(max));
  // Scaled by an integer power of ten so the quarters stay exact decimals; the slack keeps float noise (0.07 * 100 * 4 = 28.000000000000004) from adding a quarter.
  const quarters = Math.ceil((power < 0 ? max * 10 ** -power : max / 10 ** power) * 4 - 1e-9);
  return power < 0 ? quarters / 4 / 10 ** -power : (quarters * 10 ** power) / 4;
}

/** A panel's frame as last drawn: the Plot chart (axes and grid only), the group its lines go in, and its scales. */
interface Frame {
  key: string;
  chart: Element;
  lines: SVGGElement;
  x: Scale;
  y: Scale;
}

const frames = new WeakMap<Element, Frame>();

/** Draws a panel's frame with Plot: x from epoch 1 to `last`, y from 0 to `top`. */
function drawFrame(Plot: PlotModule, panel: Panel, width: number, last: number, top: number): Omit<Frame, 'key'> {
  const chart = Plot.plot({
    width,
    height: width < 320 ? 120 : 150,
    marginLeft: 40,
    marginBottom: 30,
    style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
    x: { domain: [1, last], label: t('plot.epoch'), ticks: Math.min(last, 6), tickFormat: 'd' },
    y: FRACTION.has(panel) ? { domain: [0, 1], grid: true, label: null, tickFormat: '.0%', ticks: 4 } : { domain: [0, top], grid: true, label: null, ticks: 4 },
  });
  chart.setAttribute('role', 'img');
  const lines = linesLayer();
  chart.append(lines);
  return { chart, lines, x: chart.scale('x')!.apply, y: chart.scale('y')!.apply };
}

/**
 * The first task after the next frame, so the painting of one panel is done
 * before the next is drawn. Plot draws a panel's frame only when its scales or
 * size change (a run overlaid or hidden, a new largest loss, another number of
 * epochs, a width the page laid out since the last redraw; the SVG scales with
 * its panel in between); a new epoch only redraws the panel's lines, a few SVG
 * elements, so a run's redraws stay short even while the worker trains on a
 * 2-core machine's other core.
 */
const afterNextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));

/**
 * Redraws every panel under `root` ([data-panel]), each in its own task after a
 * frame so no drawing holds the page for long, and writes each panel's series as data for
 * readers of the page (and its tests). The legend goes in `keys`.
 */
export async function drawCurves(root: HTMLElement, keys: HTMLElement, series: readonly Series[], epochs: number): Promise<void> {
  const Plot = await loadPlot();
  const last = Math.max(epochs, ...series.map((s) => s.points.length));
  for (const container of root.querySelectorAll<HTMLElement>('[data-panel]')) {
    sizes?.observe(container);
    await afterNextFrame();
    const panel = container.dataset['panel'] as Panel;
    const width = Math.max(240, Math.min(420, widths.get(container) || container.clientWidth || 320));
    const top = FRACTION.has(panel) ? 1 : lossTop(series.flatMap((s) => s.points.map((p) => p[panel])));
    const key = `${panel} ${width} ${last} ${top}`;
    let frame = frames.get(container);
    if (frame?.key !== key || frame.chart.parentNode !== container) {
      frame = { key, ...drawFrame(Plot, panel, width, last, top) };
      frames.set(container, frame);
      container.replaceChildren(frame.chart);
    }
    drawLines(frame.lines, series, panel, frame.x, frame.y);
    frame.chart.setAttribute(
      'aria-label',
      t('plot.label', { panel: container.previousElementSibling?.textContent ?? panel, series: series.map((s) => s.label).join('; ') }),
    );
    container.dataset['series'] = JSON.stringify(series.map((s) => ({ key: s.key, values: s.points.map((p) => p[panel]) })));
  }
  keys.replaceChildren(
    ...series
      .filter((s, i) => series.findIndex((t) => t.label === s.label) === i)
      .map((s) => {
        const item = document.createElement('span');
        const swatch = document.createElement('i');
        swatch.style.borderColor = s.colour;
        if (!s.thick) swatch.className = 'thin';
        item.append(swatch, s.label);
        return item;
      }),
  );
}
