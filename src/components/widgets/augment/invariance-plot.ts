/** The invariance probe's chart: p(class) against the change, the chosen value marked, the unchanged image's value ruled. */
import { loadPlot } from '~/components/ui/plot.ts';
import type { InvarianceCurve } from '~/engine/tasks/augment/invariance.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const t = strings(pageLang());
/** The value that leaves the image as it was. */
export const UNCHANGED: Record<InvarianceCurve['kind'], number> = { rotate: 0, scale: 1, brightness: 1 };

/** p(label) for every value of the sweep. */
export function labelCurve(curve: InvarianceCurve): number[] {
  return curve.values.map((_, i) => curve.probabilities[i * curve.classes + curve.label]!);
}

export async function drawInvariance(container: HTMLElement, curve: InvarianceCurve, className: string, chosen: number): Promise<void> {
  const Plot = await loadPlot();
  const p = labelCurve(curve);
  const data = curve.values.map((value, i) => ({ value, p: p[i]! }));
  const width = Math.max(280, Math.min(640, container.clientWidth || 560));
  const chart = Plot.plot({
    width,
    height: 220,
    marginLeft: 48,
    marginBottom: 40,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: t(`probe.axis.${curve.kind}`), grid: true },
    y: { label: `↑ p(${className})`, domain: [0, 1], grid: true, tickFormat: '.0%' },
    marks: [
      Plot.ruleX([UNCHANGED[curve.kind]], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.6 }),
      Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.line(data, { x: 'value', y: 'p', stroke: '#0072B2', strokeWidth: 2 }),
      Plot.dot(data, { x: 'value', y: 'p', fill: '#0072B2', r: 2.5 }),
      Plot.dot([data[chosen]!], { x: 'value', y: 'p', stroke: '#D55E00', strokeWidth: 2.5, r: 6 }),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute(
    'aria-label',
    t('probe.chart', { name: className, kind: t(`probe.kind.${curve.kind}`), from: String(curve.values[0]), to: String(curve.values.at(-1)) }),
  );
  container.replaceChildren(chart);
}
