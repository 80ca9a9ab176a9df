import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MixingView } from '~/engine/tasks/index.ts';
import { Controls, num } from '~/components/ui/controls.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { drawSample } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-mixing.ts';
import { drawHistogram, softLabelPanel, weightText } from './mixing-draw.ts';

const KIND = 'mixing-batch';
const lang = pageLang();
const t = strings(lang);

/** Cutout, Hide-and-Seek, Mixup and CutMix on two held-out images, with lambda's histogram, the soft labels and the loss. */
export function mountMixingBatch(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const seed = q<HTMLInputElement>('[data-seed]');
  const controls = new Controls(root, {
    a: num('[data-a]'),
    b: num('[data-b]'),
    alpha: num('[data-alpha]'),
    cutoutSide: num('[data-cutout-side]'),
    grid: num('[data-grid]'),
  });
  const state = (): WidgetState => ({ widget: KIND, params: controls.values(), seed: seed.valueAsNumber || 0 });
  const shell = new WidgetShell(root, KIND, state);
  let last: MixingView | undefined;

  const showSettings = () => {
    const { alpha, cutoutSide } = controls.values();
    q('[data-alpha-out]').textContent = fixed(alpha, 1);
    q('[data-side-out]').textContent = `${cutoutSide} px`;
  };

  async function update(): Promise<void> {
    showSettings();
    const { a, b, alpha, cutoutSide, grid } = controls.values();
    const current = seed.valueAsNumber || 0;
    const view = await shell.run(() => compute(root.id, (tasks) => tasks.mixingBatch([a, b], { alpha, cutoutSide, grid, seed: current })));
    if (!view) return;
    last = view;
    draw(root, view, alpha, { a, b, alpha, cutoutSide, grid, seed: current });
  }

  controls.onChange(() => void update());
  seed.addEventListener('change', () => void update());
  q('[data-reseed]').addEventListener('click', () => {
    seed.value = String((seed.valueAsNumber || 0) + 1);
    void update();
  });
  // The histogram's canvas follows the width of the page (a phone turned sideways).
  new ResizeObserver(() => last && drawHistogram(q('[data-histogram]'), last.histogram, last.lambda)).observe(q('[data-histogram]'));
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  controls.restore(restored?.params);
  shell.say(t('loadingEngineModel'));
  void update();
}

function draw(root: HTMLElement, view: MixingView, alpha: number, drawn: unknown): void {
  const tile = (key: string) => root.querySelector<HTMLCanvasElement>(`[data-tile="${key}"]`)!;
  const options = { scale: 1, masks: false, boxes: false };
  for (const k of [0, 1] as const) {
    drawSample(tile(`input-${k}`), view.inputs[k], options);
    drawSample(tile(`cutout-${k}`), view.cutout[k], options);
    drawSample(tile(`hide-${k}`), view.hideAndSeek[k], options);
    drawSample(tile(`mixup-${k}`), view.mixup[k].sample, options);
    drawSample(tile(`cutmix-${k}`), view.cutmix[k].sample, options);
    placeBox(root.querySelector<HTMLElement>(`[data-cut-box="${k}"]`)!, view.box, view.inputs[k].size);
  }
  const [ca, cb] = view.classes.map((c) => className(OBJECT_CLASSES[c]!, lang));
  const [x0, y0, x1, y1] = view.box;
  const share = view.cutmix[0].weights[1];
  root.querySelector('[data-batch-caption]')!.textContent = t('mixing.caption', {
    a: ca!,
    b: cb!,
    w: x1 - x0,
    h: y1 - y0,
    share: percent(share),
    lambda: weightText(view.lambda),
    asked: percent(1 - view.lambda),
    how: view.clipped ? t('mixing.clipped') : t('mixing.rounded'),
  });
  Object.assign(root.dataset, { drawn: JSON.stringify(drawn), lambda: String(view.lambda), box: view.box.join(','), classes: view.classes.join(',') });
  drawHistogram(root.querySelector('[data-histogram]')!, view.histogram, view.lambda);
  const draws = view.histogram.reduce((s, c) => s + c, 0);
  const ends = view.histogram[0]! + view.histogram.at(-1)!;
  root.querySelector('[data-hist-caption]')!.textContent = t('mixing.histCaption', {
    draws: draws.toLocaleString('en'),
    alpha: fixed(alpha, 1),
    ends: percent(ends / draws),
    lambda: weightText(view.lambda),
  });
  root
    .querySelector('[data-labels]')!
    .replaceChildren(
      softLabelPanel('mixup', t('mixing.panel', { method: 'Mixup' }), view.mixup[0], view.classes),
      softLabelPanel('cutmix', t('mixing.panel', { method: 'CutMix' }), view.cutmix[0], view.classes),
    );
}

/** Lays the dashed box over the CutMix tile, in percentages of the tile so it scales with it. */
function placeBox(element: HTMLElement, [x0, y0, x1, y1]: readonly number[], size: number): void {
  element.hidden = x1! <= x0! || y1! <= y0!;
  const at = (v: number) => `${(100 * v) / size}%`;
  Object.assign(element.style, { left: at(x0!), top: at(y0!), width: at(x1! - x0!), height: at(y1! - y0!) });
}
