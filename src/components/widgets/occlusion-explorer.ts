import { fixed } from '~/components/ui/format.ts';
import { cancelSession, compute, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { SweepProgress } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { classMenu, PATCH_GREY, rgbaView, sceneView } from './scene-view.ts';

const KIND = 'occlusion-explorer';

/** Occlusion (Zeiler & Fergus 2014): a grey patch moved by hand, and the whole map computed in batches. */
export function mountOcclusionExplorer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const classSelect = q<HTMLSelectElement>('[data-class]');
  const patchSelect = q<HTMLSelectElement>('[data-patch]');
  const strideSelect = q<HTMLSelectElement>('[data-stride]');
  const sweepButton = q<HTMLButtonElement>('[data-sweep]');
  const cancelButton = q<HTMLButtonElement>('[data-cancel]');
  const bar = q<HTMLProgressElement>('[data-progress]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const gridFigure = new MapFigure(q('[data-map="grid"]'));
  const overlayFigure = new MapFigure(q('[data-map="overlay"]'));
  let picked: PickedScene | undefined;
  let corner: [number, number] = [28, 28];
  let sweep: SweepProgress | undefined;
  let cancelled = false;
  const size = () => Number(patchSelect.value);
  const stride = () => Number(strideSelect.value);
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: { patch: size(), stride: stride(), top: corner[0], left: corner[1] },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);

  /** Patch corner for a pointer at (i, j): the patch is centred on it, kept inside the image. */
  const centre = (i: number, j: number): [number, number] => {
    const side = picked?.scene.size ?? 64;
    const k = size();
    return [Math.max(0, Math.min(side - k, i - Math.floor(k / 2))), Math.max(0, Math.min(side - k, j - Math.floor(k / 2)))];
  };
  attachProbe(sceneFigure, (i, j) => void moveTo(...centre(i, j)));
  attachProbe(gridFigure, (r, c) => void moveTo(r * stride(), c * stride()));

  async function moveTo(top: number, left: number): Promise<void> {
    if (!picked) return;
    corner = [top, left];
    const scene = picked.scene;
    const c = Number(classSelect.value);
    const patch = { top, left, size: size(), fill: PATCH_GREY };
    sceneFigure.draw(sceneView(scene, patch));
    sceneFigure.mark(top, left, patch.size);
    showCell();
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.occludedScore(scene.image, c, patch)));
    if (!result || corner[0] !== top || corner[1] !== left) return;
    const name = OBJECT_CLASSES[c];
    q('[data-where]').textContent = `Patch ${patch.size} × ${patch.size} at rows ${top}–${top + patch.size - 1}, columns ${left}–${left + patch.size - 1}. Class “${name}”.`;
    const line = q<HTMLElement>('[data-score]');
    Object.assign(line.dataset, { top: String(top), left: String(left), size: String(patch.size), score: String(result.occluded.score), baseline: String(result.baseline.score), drop: String(result.drop), probability: String(result.occluded.probability) });
    line.innerHTML = '';
    const strong = document.createElement('strong');
    strong.textContent = fixed(result.drop, 3);
    line.append(
      `S(image) = ${fixed(result.baseline.score, 3)} (p = ${fixed(result.baseline.probability, 3)}); S(with patch) = ${fixed(result.occluded.score, 3)} (p = ${fixed(result.occluded.probability, 3)}); drop d = `,
      strong,
    );
  }

  /** The map's value where the patch now sits, if the patch is on the sweep's grid. */
  function showCell(): void {
    const cell = q<HTMLElement>('[data-cell]');
    const view = gridFigure.current;
    if (!sweep || !view) return void (cell.textContent = '');
    const s = sweep.plan.stride;
    const [top, left] = corner;
    if (top % s || left % s || sweep.plan.patch !== size()) {
      gridFigure.unmark();
      cell.textContent = `The patch is between grid positions (the map uses stride ${s}).`;
      return;
    }
    const [r, c] = [top / s, left / s];
    gridFigure.mark(r, c, 1);
    const value = view.values[r * view.width + c]!;
    Object.assign(cell.dataset, { row: String(r), col: String(c), value: String(value) });
    cell.textContent = `Map cell (${r}, ${c}) = ${fixed(value, 3)}${r * view.width + c < sweep.done ? '' : ' (not computed yet)'}`;
  }

  async function computeMap(): Promise<void> {
    if (!picked) return;
    const scene = picked.scene;
    const c = Number(classSelect.value);
    const options = { patch: size(), stride: stride(), fill: PATCH_GREY };
    sweepButton.hidden = true;
    cancelButton.hidden = false;
    bar.hidden = false;
    delete root.dataset['sweep'];
    cancelled = false;
    const began = performance.now();
    const draw = (progress: SweepProgress) => {
      sweep = progress;
      gridFigure.draw(progress.grid);
      overlayFigure.draw(rgbaView(progress.overlay, scene.size));
      bar.value = progress.done / progress.total;
      q('[data-progress-text]').textContent = `${progress.done} of ${progress.total} positions, ${progress.batches} forward passes`;
      showCell();
    };
    // The runtime never reports a sweep that was cancelled or replaced, so nothing stale is drawn.
    const last = await shell.run(() => startSession(`${root.id}/sweep`, 'occlusionSweep', { image: scene.image, classIndex: c, ...options }, (report) => draw(report.progress)));
    sweepButton.hidden = false;
    cancelButton.hidden = true;
    if (cancelled) {
      const per = Math.floor((scene.size - options.patch) / options.stride) + 1;
      shell.say(`Cancelled after ${sweep?.done ?? 0} of ${per * per} positions.`);
    }
    if (!last) return;
    draw(last);
    const ms = performance.now() - began;
    root.dataset['sweep'] = 'done';
    shell.say(`Whole map: ${last.total} positions in ${last.batches} forward passes, ${ms.toFixed(0)} ms; no batch held the page for more than ${last.longestBatchMs.toFixed(1)} ms.`);
  }

  function cancelSweep(): void {
    void cancelSession(`${root.id}/sweep`);
  }

  function clearMap(): void {
    cancelSweep();
    sweep = undefined;
    for (const figure of [gridFigure, overlayFigure]) figure.canvas.getContext('2d')!.clearRect(0, 0, figure.canvas.width, figure.canvas.height);
    gridFigure.unmark();
    bar.hidden = true;
    q('[data-progress-text]').textContent = '';
    delete root.dataset['sweep'];
  }

  sweepButton.addEventListener('click', () => void computeMap());
  cancelButton.addEventListener('click', () => {
    cancelled = true;
    cancelSweep();
  });
  classSelect.addEventListener('change', () => {
    clearMap();
    void moveTo(...corner);
  });
  for (const select of [patchSelect, strideSelect]) {
    select.addEventListener('change', () => {
      clearMap();
      const limit = (picked?.scene.size ?? 64) - size();
      void moveTo(Math.min(corner[0], limit), Math.min(corner[1], limit));
    });
  }

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  if (restored) {
    patchSelect.value = String(restored.params['patch'] ?? 8);
    strideSelect.value = String(restored.params['stride'] ?? 4);
    corner = [Number(restored.params['top'] ?? 28), Number(restored.params['left'] ?? 28)];
  }
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    clearMap();
    showClasses(next.scene, defaultClass(next.scene));
    void moveTo(...corner);
  });
  shell.start('Loading the engine and the model…', picker.select(restored?.image));
}

function defaultClass(scene: Scene): number {
  return scene.objects[0]?.classIndex ?? 0;
}
