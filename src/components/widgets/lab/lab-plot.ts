/** The lab's curves: one small Observable Plot per figure, this run thick over the reference runs and the runs overlaid. */
import { loadPlot } from '~/components/ui/plot.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { LabPoint } from '~/engine/train/lab/run.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-lab.ts';

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
 * The first task after the next frame, so the painting of one panel is done
 * before the next is drawn. A panel's task takes 3 to 14 ms when the page does
 * nothing else; while the worker trains on a 2-core machine's other core the
 * bench has still seen one take 40 to 58 ms now and then (README).
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
    const rows = (thick: boolean) =>
      series.filter((s) => s.thick === thick).flatMap((s) => s.points.map((p) => ({ key: s.key, colour: s.colour, epoch: p.epoch, value: p[panel] })));
    const [thin, mine] = [rows(false), rows(true)];
    const width = Math.max(240, Math.min(420, widths.get(container) || container.clientWidth || 320));
    const chart = Plot.plot({
      width,
      height: width < 320 ? 120 : 150,
      marginLeft: 40,
      marginBottom: 30,
      style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
      x: { domain: [1, last], label: t('plot.epoch'), ticks: Math.min(last, 6), tickFormat: 'd' },
      y: FRACTION.has(panel) ? { domain: [0, 1], grid: true, label: null, tickFormat: '.0%', ticks: 4 } : { grid: true, label: null, ticks: 4, zero: true },
      // Three marks whatever the number of runs (one line per key, in its own colour): each mark costs the page time to draw.
      marks: [
        Plot.line(thin, { x: 'epoch', y: 'value', z: 'key', stroke: 'colour', strokeWidth: 1, strokeOpacity: 0.65 }),
        Plot.line(mine, { x: 'epoch', y: 'value', z: 'key', stroke: 'colour', strokeWidth: 2.5 }),
        // This run's epochs as dots too: its first epoch is a point before it is a line.
        Plot.dot(mine, { x: 'epoch', y: 'value', fill: 'colour', r: 2.5 }),
      ],
    });
    chart.setAttribute('role', 'img');
    chart.setAttribute(
      'aria-label',
      t('plot.label', { panel: container.previousElementSibling?.textContent ?? panel, series: series.map((s) => s.label).join('; ') }),
    );
    container.replaceChildren(chart);
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
