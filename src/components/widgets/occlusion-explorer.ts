import { Controls, num } from '~/components/ui/controls.ts';
import { fixed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { OccludedScore, Patch } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-occlusion.ts';
import { OcclusionMap } from './occlusion-map.ts';
import { classMenu, PATCH_GREY, sceneView } from './scene-view.ts';

const KIND = 'occlusion-explorer';
const lang = pageLang();
const t = strings(lang);

/** Occlusion (Zeiler & Fergus 2014): a grey patch moved by hand, and the whole map computed in batches. */
export function mountOcclusionExplorer(root: HTMLElement): void {
  const classSelect = root.querySelector<HTMLSelectElement>('[data-class]')!;
  const controls = new Controls(root, { patch: num('[data-patch]'), stride: num('[data-stride]') });
  const sceneFigure = new MapFigure(root.querySelector('[data-map="scene"]')!);
  let picked: PickedScene | undefined;
  let corner: [number, number] = [28, 28];
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: { ...controls.values(), top: corner[0], left: corner[1] },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  const map = new OcclusionMap(root, shell, () => ({ corner, size: controls.value('patch') }));
  attachProbe(sceneFigure, (i, j) => void moveTo(...centred(i, j, picked?.scene.size ?? 64, controls.value('patch'))));
  attachProbe(map.grid, (r, c) => void moveTo(r * controls.value('stride'), c * controls.value('stride')));

  async function moveTo(top: number, left: number): Promise<void> {
    if (!picked) return;
    corner = [top, left];
    const scene = picked.scene;
    const c = Number(classSelect.value);
    const patch = { top, left, size: controls.value('patch'), fill: PATCH_GREY };
    sceneFigure.draw(sceneView(scene, patch));
    sceneFigure.mark(top, left, patch.size);
    map.showCell();
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.occludedScore(scene.image, c, patch)));
    if (!result || corner[0] !== top || corner[1] !== left) return;
    showScore(root, patch, c, result);
  }

  map.startButton.addEventListener('click', () => {
    if (picked) void map.compute(picked.scene, Number(classSelect.value), controls.values());
  });
  classSelect.addEventListener('change', () => {
    map.clear();
    void moveTo(...corner);
  });
  controls.onChange(() => {
    map.clear();
    const limit = (picked?.scene.size ?? 64) - controls.value('patch');
    void moveTo(Math.min(corner[0], limit), Math.min(corner[1], limit));
  });

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  controls.restore(restored?.params);
  if (restored) corner = [Number(restored.params['top'] ?? 28), Number(restored.params['left'] ?? 28)];
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (next) => {
    picked = next;
    map.clear();
    showClasses(next);
    void moveTo(...corner);
  });
  shell.start(t('loadingEngineModel'), picker.select(restored?.image));
}

/** Patch corner for a pointer at (i, j): the patch of side k is centred on it, kept inside the image. */
function centred(i: number, j: number, side: number, k: number): [number, number] {
  return [Math.max(0, Math.min(side - k, i - Math.floor(k / 2))), Math.max(0, Math.min(side - k, j - Math.floor(k / 2)))];
}

/** The patch's place and the class's score with and without it, in words and in data attributes. */
function showScore(root: HTMLElement, patch: Patch, classIndex: number, result: OccludedScore): void {
  const { top, left, size } = patch;
  root.querySelector('[data-where]')!.textContent = t('patchAt', {
    size,
    top,
    bottom: top + size - 1,
    left,
    right: left + size - 1,
    name: className(OBJECT_CLASSES[classIndex]!, lang),
  });
  const line = root.querySelector<HTMLElement>('[data-score]')!;
  Object.assign(line.dataset, {
    top: String(top),
    left: String(left),
    size: String(size),
    score: String(result.occluded.score),
    baseline: String(result.baseline.score),
    drop: String(result.drop),
    probability: String(result.occluded.probability),
  });
  line.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = fixed(result.drop, 3);
  line.append(
    t('scores', {
      score: fixed(result.baseline.score, 3),
      p: fixed(result.baseline.probability, 3),
      occluded: fixed(result.occluded.score, 3),
      occludedP: fixed(result.occluded.probability, 3),
    }),
    strong,
  );
}
