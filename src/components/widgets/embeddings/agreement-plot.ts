/** The neighbour explorer's batch figure: mean same-class share of the k neighbours, by features and by pixels. */
import { loadPlot } from '~/components/ui/plot.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-embeddings.ts';

const COLOURS = { features: '#0072B2', pixels: '#D55E00' };
const t = strings(pageLang());

/** Replaces the container's chart with two bars and a rule at the chance level (about 1 in 10 classes). */
export async function drawAgreement(container: HTMLElement, feature: number, pixel: number, k: number): Promise<void> {
  const Plot = await loadPlot();
  const data = [
    { space: t('barFeatures'), share: feature, colour: COLOURS.features },
    { space: t('barPixels'), share: pixel, colour: COLOURS.pixels },
  ];
  const width = Math.max(260, Math.min(560, container.clientWidth || 420));
  const chart = Plot.plot({
    width,
    height: 120,
    marginLeft: 100,
    marginRight: 48,
    marginBottom: 36,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { domain: [0, 1], label: t('shareAxis', { k }), tickFormat: '.0%', grid: true },
    y: { label: null },
    marks: [
      Plot.barX(data, { y: 'space', x: 'share', fill: 'colour' }),
      Plot.text(data, {
        y: 'space',
        x: 'share',
        text: (d: { share: number }) => `${(100 * d.share).toFixed(1)}%`,
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0.1], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.text([0.1], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -2,
        text: () => t('chance'),
        textAnchor: 'start',
        dx: 3,
        fill: 'currentColor',
        fontSize: 10,
      }),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', t('agreementLabel', { k, feature: (100 * feature).toFixed(1), pixel: (100 * pixel).toFixed(1) }));
  container.replaceChildren(chart);
}
