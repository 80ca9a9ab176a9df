import { Controls, num } from '~/components/ui/controls.ts';
import { fixed, precise } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MapView, SmoothGradArgs } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { tonedView, type Tone } from '~/components/ui/map-tone.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-occlusion.ts';
import { showScene } from './cam-parts.ts';
import { classMask, classMenu, maskContrast } from './scene-view.ts';
import { SmoothGradRun } from './smooth-grad-run.ts';

const KIND = 'saliency-compare';
const t = strings(pageLang());
const METHODS = ['vanilla', 'smooth', 'guided'] as const;
type Method = (typeof METHODS)[number];
/** SmoothGrad's noise seed, saved with the state. */
const SEED = 1;

/** Vanilla gradient, SmoothGrad and guided backpropagation of one class on one image, side by side. */
export function mountSaliencyCompare(root: HTMLElement): void {
  const classSelect = root.querySelector<HTMLSelectElement>('[data-class]')!;
  const toneSelect = root.querySelector<HTMLSelectElement>('[data-tone]')!;
  /** Each method's map as computed; the figures show it in the chosen tone. */
  const views: Partial<Record<Method, MapView>> = {};
  const controls = new Controls(root, { sigma: num('[data-sigma]'), samples: num('[data-samples]') });
  const sceneFigure = new MapFigure(root.querySelector('[data-map="scene"]')!);
  const figures = Object.fromEntries(METHODS.map((m) => [m, new MapFigure(root.querySelector(`[data-map="${m}"]`)!)])) as Record<Method, MapFigure>;
  let picked: PickedScene | undefined;
  let probed: [number, number] | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: controls.values(),
    seed: SEED,
  });
  const shell = new WidgetShell(root, KIND, state);
  const explain = (i: number, j: number) => {
    probed = [i, j];
    explainPixel(root, figures, sceneFigure, i, j);
  };
  for (const method of METHODS) attachProbe(figures[method], explain);

  /** Draws a method's map, as computed, in the chosen tone. */
  const show = (method: Method): void => figures[method].draw(tonedView(views[method]!, toneSelect.value as Tone));

  function draw(method: Method, view: MapView): void {
    views[method] = view;
    show(method);
    if (!picked) return;
    const mask = classMask(picked.scene, Number(classSelect.value));
    if (showContrast(root.querySelector(`[data-method="${method}"]`)!, view, mask) && probed) explain(...probed);
  }

  const smoothArgs = (): SmoothGradArgs | undefined =>
    picked && {
      image: picked.scene.image,
      classIndex: Number(classSelect.value),
      samples: controls.value('samples'),
      sigma: controls.value('sigma'),
      seed: SEED,
    };
  const smoothGrad = new SmoothGradRun(root, shell, smoothArgs, (view) => draw('smooth', view));

  async function update(): Promise<void> {
    if (!picked) return;
    const { scene } = picked;
    const c = Number(classSelect.value);
    const maps = await shell.run(() => compute(root.id, (tasks) => tasks.gradientSaliency(scene.image, c)));
    if (!maps) return;
    draw('vanilla', maps.vanilla);
    draw('guided', maps.guided);
    root.dataset['gradients'] = 'ready';
    void smoothGrad.start();
  }

  classSelect.addEventListener('change', () => void update());
  toneSelect.addEventListener('change', () => {
    for (const method of METHODS) if (views[method]) show(method);
    if (probed) explain(...probed);
  });
  controls.onChange(() => void smoothGrad.start());

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  controls.restore(restored?.params);
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (next) => {
    picked = next;
    showClasses(next);
    showScene(sceneFigure, next.scene, root.querySelector('[data-map="scene"]')!);
    void update();
  });
  shell.start(t('loadingEngineModel'), picker.select(restored?.image));
}

/**
 * Fills a method's row of the inside/outside table from its map and the class's
 * mask; dashes, and false, when the class is not in the image.
 */
function showContrast(row: HTMLTableRowElement, view: MapView, mask: Uint8Array): boolean {
  const cells = row.querySelectorAll('td');
  if (!mask.some((v) => v)) {
    cells.forEach((cell) => (cell.textContent = '–'));
    return false;
  }
  const { inside, outside, ratio } = maskContrast(view.values, mask);
  Object.assign(row.dataset, { inside: String(inside), outside: String(outside) });
  // Maps are unscaled gradients: print them relative to the map's own maximum so the methods compare.
  const top = Math.max(view.scale.max, 1e-12);
  [fixed(inside / top, 3), fixed(outside / top, 3), `${fixed(ratio, 1)}×`].forEach((text, k) => (cells[k]!.textContent = text));
  return true;
}

/** Marks pixel (i, j) on every map drawn so far and reads out each method's value there. */
function explainPixel(root: HTMLElement, figures: Record<Method, MapFigure>, sceneFigure: MapFigure, i: number, j: number): void {
  const parts: string[] = [];
  const where = root.querySelector<HTMLElement>('[data-where]')!;
  Object.assign(where.dataset, { i: String(i), j: String(j) });
  for (const method of METHODS) {
    const figure = figures[method];
    if (!figure.current) continue;
    figure.mark(i, j, 1);
    where.dataset[method] = String(figure.value(i, j));
    parts.push(`${t(`method.${method}`)} ${precise(figure.value(i, j), 3)}`);
  }
  sceneFigure.mark(i, j, 1);
  where.textContent = t('pixelValues', { i, j, values: parts.join(', ') });
}
