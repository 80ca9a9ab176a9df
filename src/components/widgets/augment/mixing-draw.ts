import type { MixedView } from '~/engine/tasks/index.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { fixed } from '~/components/ui/format.ts';
import { html, setMarkup } from '~/components/ui/markup.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-mixing.ts';

/** The cut box and the lambda mark: the same red as CutMix's box on the tiles. */
const MARK = '#e31a1c';
const lang = pageLang();
const t = strings(lang);

/** Bars of the histogram of lambda's draws over [0, 1], with the batch's lambda as a red line. */
export function drawHistogram(canvas: HTMLCanvasElement, counts: readonly number[], lambda: number): void {
  const ratio = devicePixelRatio || 1;
  const width = Math.max(200, canvas.clientWidth) * ratio;
  // The CSS sets the aspect ratio (wider on a wide page); the drawing follows the box it was given.
  const height = Math.round((width * canvas.clientHeight) / Math.max(1, canvas.clientWidth));
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const style = getComputedStyle(canvas);
  const [fg, accent] = ['--fg', '--accent'].map((name) => style.getPropertyValue(name).trim() || '#333');
  // Room for the axis names: "↑ count" above the y axis, "λ →" under the x axis's tick labels.
  const pad = { left: 34 * ratio, right: 8 * ratio, top: 22 * ratio, bottom: 38 * ratio };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const top = Math.max(...counts, 1);
  const x = (v: number) => pad.left + v * plotW;
  const y = (c: number) => pad.top + plotH * (1 - c / top);
  context.clearRect(0, 0, width, height);
  context.fillStyle = accent!;
  counts.forEach((c, i) => context.fillRect(x(i / counts.length) + ratio, y(c), plotW / counts.length - 2 * ratio, y(0) - y(c)));
  context.fillStyle = fg!;
  context.strokeStyle = fg!;
  context.lineWidth = ratio;
  context.font = `${11 * ratio}px system-ui, sans-serif`;
  context.beginPath();
  context.moveTo(pad.left, y(0));
  context.lineTo(pad.left + plotW, y(0));
  context.moveTo(pad.left, y(0));
  context.lineTo(pad.left, pad.top);
  context.stroke();
  context.textAlign = 'center';
  for (const v of [0, 0.25, 0.5, 0.75, 1]) context.fillText(String(v), x(v), y(0) + 14 * ratio);
  context.fillText('λ →', x(0.5), y(0) + 31 * ratio);
  context.textAlign = 'left';
  context.fillText(t('mixing.count'), 2 * ratio, 12 * ratio);
  context.textAlign = 'right';
  context.fillText(String(top), pad.left - 4 * ratio, pad.top + 8 * ratio);
  context.fillText('0', pad.left - 4 * ratio, y(0));
  context.strokeStyle = MARK;
  context.lineWidth = 2 * ratio;
  context.beginPath();
  context.moveTo(x(lambda), pad.top);
  context.lineTo(x(lambda), y(0));
  context.stroke();
}

/** One mixed image's soft label and the model's probabilities as bars over the 10 classes, and its cross-entropy term by term. */
export function softLabelPanel(key: string, title: string, mixed: MixedView, classes: readonly number[]): HTMLElement {
  const panel = document.createElement('section');
  panel.className = 'soft';
  Object.assign(panel.dataset, {
    soft: key,
    label: JSON.stringify(Array.from(mixed.label)),
    probabilities: JSON.stringify(Array.from(mixed.probabilities)),
    loss: String(mixed.loss),
    weights: mixed.weights.join(','),
  });
  const heading = document.createElement('h4');
  heading.textContent = title;
  const [a, b] = classes.map((c) => className(OBJECT_CLASSES[c]!, lang));
  const combination = document.createElement('p');
  combination.className = 'combination';
  setMarkup(
    combination,
    html`ỹ = <b data-weight="0">${weightText(mixed.weights[0])}</b> · y<sub>${a!}</sub> + <b data-weight="1">${weightText(mixed.weights[1])}</b> · y<sub
        >${b!}</sub
      >`,
  );
  const bars = document.createElement('ol');
  bars.className = 'bars';
  bars.setAttribute('aria-label', t('mixing.panelBars', { title }));
  bars.append(...OBJECT_CLASSES.map((name, k) => row(className(name, lang), mixed.label[k]!, mixed.probabilities[k]!)));
  const loss = document.createElement('p');
  loss.className = 'sum';
  // One unbreakable span per term: the formula wraps between terms, never inside one.
  const terms = OBJECT_CLASSES.flatMap((_, k) =>
    mixed.label[k]! > 0 ? [`${weightText(mixed.label[k]!)} log ${probabilityText(mixed.probabilities[k]!)}`] : [],
  );
  const end = html`) = <strong data-loss-value>${fixed(mixed.loss, 3)}</strong>`;
  setMarkup(
    loss,
    ...terms.map((t, k) => html`${k === 0 ? '' : ' '}<span class="term">${k === 0 ? 'H(ỹ, p) = −(' : '+ '}${t}${k === terms.length - 1 ? end : ''}</span>`),
  );
  panel.append(heading, combination, bars, loss);
  return panel;
}

/** Every soft-label weight (λ included) prints with four decimals, every probability with three, wherever it appears. */
export const weightText = (value: number) => fixed(value, 4);
const probabilityText = (value: number) => fixed(value, 3);

function row(name: string, y: number, p: number): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['label'] = String(y);
  const track = document.createElement('span');
  track.className = 'track';
  const [yBar, pBar] = [y, p].map((v, i) => {
    const bar = document.createElement('i');
    bar.className = i === 0 ? 'y' : 'p';
    bar.style.width = `${100 * v}%`;
    return bar;
  });
  track.append(yBar!, pBar!);
  const text = document.createElement('span');
  text.className = 'name';
  text.textContent = name;
  const value = document.createElement('span');
  value.className = 'value';
  value.textContent = `${weightText(y)} · ${probabilityText(p)}`;
  item.append(text, track, value);
  return item;
}
