/** Deletion and insertion curves drawn with Observable Plot. */
import { loadPlot } from '~/components/ui/plot.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-trust.ts';

const t = strings(pageLang());

export interface CurvePair {
  deletion: ArrayLike<number>;
  insertion: ArrayLike<number>;
}

const COLOURS = { deletion: '#D55E00', insertion: '#0072B2' };

function points(kind: keyof CurvePair, scores: ArrayLike<number>): { kind: string; fraction: number; p: number }[] {
  const steps = scores.length - 1;
  return Array.from(scores, (p, k) => ({ kind, fraction: k / steps, p })).filter((point) => Number.isFinite(point.p));
}

/** Replaces the container's chart: p(c | x) against the fraction of pixels deleted or inserted, the areas shaded. */
export async function drawCurves(container: HTMLElement, curves: CurvePair): Promise<void> {
  const Plot = await loadPlot();
  const data = [...points('deletion', curves.deletion), ...points('insertion', curves.insertion)];
  const width = Math.max(260, Math.min(520, container.clientWidth || 420));
  const chart = Plot.plot({
    width,
    height: Math.round(width * 0.62),
    marginLeft: 44,
    marginBottom: 44,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { domain: [0, 1], label: t('curvesX'), labelOffset: 38, tickFormat: '.0%' },
    y: { domain: [0, 1], label: '↑ p(c | x)', grid: true },
    color: {
      domain: ['deletion', 'insertion'],
      range: [COLOURS.deletion, COLOURS.insertion],
      legend: true,
      tickFormat: (kind: 'deletion' | 'insertion') => t(kind),
    },
    marks: [
      Plot.areaY(data, { x: 'fraction', y: 'p', fill: 'kind', fillOpacity: 0.12, curve: 'linear' }),
      // Dashes tell the curves apart without colour.
      Plot.line(
        data.filter((d) => d.kind === 'deletion'),
        { x: 'fraction', y: 'p', stroke: 'kind', strokeWidth: 2 },
      ),
      Plot.line(
        data.filter((d) => d.kind === 'insertion'),
        { x: 'fraction', y: 'p', stroke: 'kind', strokeWidth: 2, strokeDasharray: '5 3' },
      ),
      Plot.dot(data, { x: 'fraction', y: 'p', fill: 'kind', r: 2 }),
      Plot.ruleY([0]),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', t('curvesLabel'));
  container.replaceChildren(chart);
}
