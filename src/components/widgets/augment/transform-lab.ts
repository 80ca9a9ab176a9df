import { Controls, flag, num, text } from '~/components/ui/controls.ts';
import { fixed } from '~/components/ui/format.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { drawSample, drawScene } from '~/components/ui/scene-tile.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import { amountLabel, knobOf, TRANSFORM_KNOBS, type Knob } from '~/engine/shared/augment-knobs.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { TransformChoice } from '~/engine/tasks/index.ts';
import { markPeak } from '../cam-parts.ts';
import { classMenu } from '../scene-view.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-policy.ts';
import { drawMatrices, drawPrediction, publish } from './transform-draw.ts';

const KIND = 'transform-lab';
/** Canvas pixels per image pixel: dashed and solid boxes one pixel apart stay distinguishable. */
const SCALE = 4;
const lang = pageLang();
const t = strings(lang);

/** One transform on a held-out scene: its matrix with live numbers, the moved image, masks and boxes, and Grad-CAM on the result. */
export function mountTransformLab(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const controls = new Controls(root, {
    transform: text('[data-transform]'),
    amount: num('[data-amount]'),
    interpolation: text('[data-interpolation]'),
    border: text('[data-border]'),
    thenFlip: flag('[data-then-flip]'),
    outlines: flag('[data-outlines]'),
  });
  const seed = q<HTMLInputElement>('[data-seed]');
  const classSelect = q<HTMLSelectElement>('[data-class]');
  const figure = new MapFigure(q('[data-map="grad-cam"]'));
  let picked: PickedScene | undefined;
  const knob = (): Knob => knobOf(controls.value('transform')) ?? TRANSFORM_KNOBS[0]!;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: controls.values(),
    seed: seed.valueAsNumber || 0,
  });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked || picked.ref.kind !== 'dataset') return;
    const { dataset, index } = picked.ref;
    const { amount, interpolation, border, thenFlip } = controls.values();
    const chosen = knob();
    const choice: TransformChoice = {
      transform: chosen.transform,
      amount,
      seed: seed.valueAsNumber || 0,
      interpolation: interpolation as TransformChoice['interpolation'],
      border: border as TransformChoice['border'],
      thenFlip,
    };
    const c = Number(classSelect.value);
    q<HTMLOutputElement>('[data-amount-value]').textContent = chosen.amount ? fixed(amount, chosen.amount.step < 1 ? 2 : 0) : '—';
    const view = await shell.run(() => compute(root.id, (tasks) => tasks.transformLab(dataset, index, choice, c)));
    if (!view) return;
    const outlines = controls.value('outlines');
    drawScene(q('[data-tile="original"]'), picked.scene, { scale: SCALE, masks: outlines, boxes: outlines });
    drawSample(q('[data-tile="moved"]'), view.sample, { scale: SCALE, masks: outlines, boxes: outlines, ...(outlines ? { maskBoxes: view.maskBoxes } : {}) });
    figure.draw(view.gradCam);
    markPeak(figure, view.gradCam.peak);
    drawMatrices(q('[data-matrix-view]'), view, chosen);
    drawPrediction(q('[data-prediction]'), view, c);
    publish(root, view);
    // What the drawing shows was computed from this choice (a slider may have moved on since): for inspectors and tests.
    root.dataset['choice'] = JSON.stringify({ ...choice, outlines });
  }

  controls.onChange((name) => {
    if (name === 'transform') setSlider(root, knob());
    void update();
  });
  for (const input of [seed, classSelect]) input.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  controls.restore(restored?.params);
  setSlider(root, knob(), restored?.params['amount'] as number | undefined);
  const showClasses = classMenu(classSelect, restored?.class);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showClasses(next);
    void update();
  });
  shell.say(t('loadingEngineModel'));
  void picker.select(restored?.image).catch((error: unknown) => shell.fail(error));
}

/** The slider's range, step, label and value for a transform; disabled for the flips, which have no amount. */
function setSlider(root: HTMLElement, knob: Knob, value?: number): void {
  const slider = root.querySelector<HTMLInputElement>('[data-amount]')!;
  const amount = knob.amount ?? { label: t('transform.noAmount'), min: 0, max: 1, step: 1, start: 1 };
  Object.assign(slider, { min: String(amount.min), max: String(amount.max), step: String(amount.step), disabled: !knob.amount });
  slider.value = String(value !== undefined && value >= amount.min && value <= amount.max ? value : amount.start);
  root.querySelector('[data-amount-label]')!.textContent = amountLabel(knob, lang) ?? t('transform.noAmount');
  root.querySelector<HTMLInputElement>('[data-seed]')!.disabled = !knob.seeded;
}
