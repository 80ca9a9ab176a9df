import { fixed } from '~/components/ui/format.ts';
import { cancelSession, compute, startSession } from '~/engine/client.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MapView, SmoothGradProgress } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { drawScene } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { classMask, classMenu, maskContrast, sceneView } from './scene-view.ts';

const KIND = 'saliency-compare';
const METHODS = ['vanilla', 'smooth', 'guided'] as const;
type Method = (typeof METHODS)[number];

/** Vanilla gradient, SmoothGrad and guided backpropagation of one class on one image, side by side. */
export function mountSaliencyCompare(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const classSelect = q<HTMLSelectElement>('[data-class]');
  const sigma = q<HTMLSelectElement>('[data-sigma]');
  const samples = q<HTMLSelectElement>('[data-samples]');
  const runButton = q<HTMLButtonElement>('[data-smooth-run]');
  const stopButton = q<HTMLButtonElement>('[data-smooth-stop]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const figures = Object.fromEntries(METHODS.map((m) => [m, new MapFigure(q(`[data-map="${m}"]`))])) as Record<Method, MapFigure>;
  let picked: PickedScene | undefined;
  let probed: [number, number] | undefined;
  /** Where the SmoothGrad run on screen stands, for the line a Stop leaves. */
  let shown: SmoothGradProgress | undefined;
  const smoothId = `${root.id}/smooth`;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: { sigma: Number(sigma.value), samples: Number(samples.value) },
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);
  for (const method of METHODS) attachProbe(figures[method], (i, j) => explain(i, j));

  function draw(method: Method, view: MapView): void {
    figures[method].draw(view);
    if (!picked) return;
    const c = Number(classSelect.value);
    const row = q<HTMLTableRowElement>(`[data-method="${method}"]`);
    const mask = classMask(picked.scene, c);
    const cells = row.querySelectorAll('td');
    if (!mask.some((v) => v)) {
      cells.forEach((cell) => (cell.textContent = '–'));
      return;
    }
    const { inside, outside, ratio } = maskContrast(view.values, mask);
    Object.assign(row.dataset, { inside: String(inside), outside: String(outside) });
    // Maps are unscaled gradients: print them relative to the map's own maximum so the methods compare.
    const top = Math.max(view.scale.max, 1e-12);
    [fixed(inside / top, 3), fixed(outside / top, 3), `${fixed(ratio, 1)}×`].forEach((text, k) => (cells[k]!.textContent = text));
    if (probed) explain(...probed);
  }

  function explain(i: number, j: number): void {
    probed = [i, j];
    const parts: string[] = [];
    const where = q<HTMLElement>('[data-where]');
    Object.assign(where.dataset, { i: String(i), j: String(j) });
    for (const method of METHODS) {
      const figure = figures[method];
      if (!figure.current) continue;
      figure.mark(i, j, 1);
      where.dataset[method] = String(figure.value(i, j));
      parts.push(`${method === 'smooth' ? 'SmoothGrad' : method} ${figure.value(i, j).toPrecision(3)}`);
    }
    sceneFigure.mark(i, j, 1);
    where.textContent = `Pixel (${i}, ${j}), max over colour channels of |∂S/∂I|: ${parts.join(', ')}.`;
  }

  async function update(): Promise<void> {
    if (!picked) return;
    const { scene } = picked;
    const c = Number(classSelect.value);
    const maps = await shell.run(() => compute(root.id, (tasks) => tasks.gradientSaliency(scene.image, c)));
    if (!maps) return;
    draw('vanilla', maps.vanilla);
    draw('guided', maps.guided);
    root.dataset['gradients'] = 'ready';
    void smooth();
  }

  async function smooth(): Promise<void> {
    if (!picked) return;
    const { scene } = picked;
    const c = Number(classSelect.value);
    const args = { image: scene.image, classIndex: c, samples: Number(samples.value), sigma: Number(sigma.value), seed: state().seed };
    const text = q('[data-smooth-progress]');
    delete root.dataset['smooth'];
    runButton.hidden = true;
    stopButton.hidden = false;
    shown = undefined;
    const show = (progress: SmoothGradProgress) => {
      shown = progress;
      text.textContent = `${progress.done} of ${progress.total} samples`;
      // Before the first sample the average is all zeros: nothing to draw yet.
      if (progress.done > 0) draw('smooth', progress.map);
    };
    let failed = false;
    // A new run under the same id replaces the old one, whose reports stop at once: nothing stale is drawn.
    const last = await shell.run(() =>
      startSession(smoothId, 'smoothGradSaliency', args, (report) => show(report.progress), { reportEveryMs: 80 }).catch((error: unknown) => {
        failed = !isSuperseded(error);
        throw error;
      }),
    );
    // Stopped or replaced: the Stop button or the newer run has the buttons.
    if (!last && !failed) return;
    runButton.hidden = false;
    stopButton.hidden = true;
    if (!last) return;
    show(last);
    root.dataset['smooth'] = 'done';
  }

  async function stop(): Promise<void> {
    await cancelSession(smoothId);
    runButton.hidden = false;
    stopButton.hidden = true;
    if (shown) q('[data-smooth-progress]').textContent = `stopped after ${shown.done} of ${shown.total} samples`;
  }

  function showScene(): void {
    if (!picked) return;
    sceneFigure.draw(sceneView(picked.scene));
    drawScene(sceneFigure.canvas, picked.scene, { scale: 1, masks: true, boxes: false });
    const present = picked.scene.objects.map((o) => OBJECT_CLASSES[o.classIndex]).join(', ');
    q('[data-map="scene"] [data-map-dims]').textContent = `(${present})`;
  }

  classSelect.addEventListener('change', () => void update());
  for (const select of [sigma, samples]) select.addEventListener('change', () => void smooth());
  runButton.addEventListener('click', () => void smooth());
  stopButton.addEventListener('click', () => void stop());

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  if (restored) {
    sigma.value = String(restored.params['sigma'] ?? 0.15);
    samples.value = String(restored.params['samples'] ?? 25);
  }
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showClasses(next.scene);
    showScene();
    void update();
  });
  shell.start('Loading the engine and the model…', picker.select(restored?.image));
}
