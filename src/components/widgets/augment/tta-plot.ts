/** The TTA figure: each class's probability under every view (dots) and their average (bars). */
import { loadPlot } from '~/components/ui/plot.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { TtaPrediction } from '~/engine/tasks/augment/tta.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const lang = pageLang();
const t = strings(lang);

export async function drawTta(container: HTMLElement, prediction: TtaPrediction, label: number): Promise<void> {
  const Plot = await loadPlot();
  const average = Array.from(prediction.average, (p, c) => ({ name: OBJECT_CLASSES[c]!, p, truth: c === label }));
  const dots = prediction.views.flatMap((view) => Array.from(view.probabilities, (p, c) => ({ name: OBJECT_CLASSES[c]!, p, view: view.name })));
  const width = Math.max(300, Math.min(640, container.clientWidth || 560));
  // The axis ends at the largest probability shown, rounded up to the next 10%: an uncertain image's bars stay readable.
  const ceiling = Math.min(1, Math.ceil(10 * Math.max(...average.map((d) => d.p), ...dots.map((d) => d.p))) / 10);
  const chart = Plot.plot({
    width,
    height: 220,
    marginLeft: 44,
    marginBottom: 44,
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    // The classes' labels stay the data; the ticks show them in the reader's edition.
    x: {
      domain: OBJECT_CLASSES as unknown as string[],
      label: null,
      tickRotate: width < 420 ? -40 : 0,
      ...(lang === 'en' ? {} : { tickFormat: (name: string) => className(name, lang) }),
    },
    y: { domain: [0, ceiling], grid: true, label: t('views.probability'), tickFormat: '.0%' },
    marks: [
      Plot.barY(average, { x: 'name', y: 'p', fill: (d: { truth: boolean }) => (d.truth ? '#009E73' : '#0072B2'), fillOpacity: 0.75 }),
      Plot.dot(dots, { x: 'name', y: 'p', stroke: 'currentColor', r: 2.5, strokeOpacity: 0.8 }),
      Plot.ruleY([0]),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', t('views.chart', { name: className(OBJECT_CLASSES[label]!, lang) }));
  container.replaceChildren(chart);
}
