/** The lab's curves: one small Observable Plot per figure, this run thick over the reference runs and the runs overlaid. */
import { loadPlot } from '~/components/ui/plot.ts';
import { nextTask } from '~/engine/shared/next-task.ts';
import type { LabPoint } from '~/engine/train/lab/run.ts';

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
 * Redraws every panel under `root` ([data-panel]), each in its own task so no
 * drawing holds the page for long, and writes each panel's series as data for
 * readers of the page (and its tests). The legend goes in `keys`.
 */
export async function drawCurves(root: HTMLElement, keys: HTMLElement, series: readonly Series[], epochs: number): Promise<void> {
  const Plot = await loadPlot();
  const last = Math.max(epochs, ...series.map((s) => s.points.length));
  for (const container of root.querySelectorAll<HTMLElement>('[data-panel]')) {
    await nextTask();
    const panel = container.dataset['panel'] as Panel;
    const rows = series.flatMap((s, order) => s.points.map((p) => ({ key: s.key, order, epoch: p.epoch, value: p[panel] })));
    const width = Math.max(240, Math.min(420, container.clientWidth || 320));
    const chart = Plot.plot({
      width,
      height: width < 320 ? 120 : 150,
      marginLeft: 40,
      marginBottom: 30,
      style: { background: 'transparent', color: 'currentColor', fontSize: '11px' },
      x: { domain: [1, last], label: 'epoch →', ticks: Math.min(last, 6), tickFormat: 'd' },
      y: FRACTION.has(panel) ? { domain: [0, 1], grid: true, label: null, tickFormat: '.0%', ticks: 4 } : { grid: true, label: null, ticks: 4, zero: true },
      marks: series.flatMap((s, order) => {
        const mine = rows.filter((r) => r.order === order);
        const line = Plot.line(mine, { x: 'epoch', y: 'value', stroke: s.colour, strokeWidth: s.thick ? 2.5 : 1, strokeOpacity: s.thick ? 1 : 0.65 });
        // This run's epochs as dots too: its first epoch is a point before it is a line.
        return s.thick ? [line, Plot.dot(mine, { x: 'epoch', y: 'value', fill: s.colour, r: 2.5 })] : [line];
      }),
    });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `${container.previousElementSibling?.textContent ?? panel} per epoch: ${series.map((s) => s.label).join('; ')}`);
    container.replaceChildren(chart);
    container.dataset['series'] = JSON.stringify(series.map((s) => ({ key: s.key, values: s.points.map((p) => p[panel]) })));
  }
  keys.replaceChildren(...series.filter((s, i) => series.findIndex((t) => t.label === s.label) === i).map((s) => {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.borderColor = s.colour;
    if (!s.thick) swatch.className = 'thin';
    item.append(swatch, s.label);
    return item;
  }));
}
