import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { HeadFusion, VitExplorerView } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-vit.ts';
import { drawOverlay } from '../trust-draw.ts';
import { objectMenu } from '../trust-controls.ts';
import { drawHeads, drawPatches, SCALE } from './attention-draw.ts';

const KIND = 'attention-explorer';
const lang = pageLang();
const t = strings(lang);

/** objects-vit's CLS attention per layer and head, its rollout and gradient-weighted rollout, beside objects-cnn's Grad-CAM, each scored on the object's mask. */
export function mountAttentionExplorer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const objectChoice = q<HTMLSelectElement>('[data-object]');
  const fusion = q<HTMLSelectElement>('[data-fusion]');
  const discard = q<HTMLInputElement>('[data-discard]');
  const discardOut = q<HTMLOutputElement>('[data-discard-out]');
  let picked: PickedScene | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    params: { object: Number(objectChoice.value) || 0, fusion: fusion.value, discard: discard.valueAsNumber },
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked) return;
    const { scene } = picked;
    const objectIndex = Number(objectChoice.value) || 0;
    const object = scene.objects[objectIndex]!;
    const ratio = discard.valueAsNumber;
    discardOut.value = percent(ratio, 0);
    delete root.dataset['ready'];
    const view = await shell.run(() =>
      compute(root.id, (tasks) => tasks.vitExplorer(scene.image, object.mask, object.classIndex, fusion.value as HeadFusion, ratio)),
    );
    if (!view) return;
    drawPatches(q<HTMLCanvasElement>('[data-compare="patches"] canvas'), scene, objectIndex, view.grid);
    for (const map of view.maps) {
      const figure = q<HTMLElement>(`[data-compare="${map.method}"]`);
      drawOverlay(figure.querySelector('canvas')!, map.overlay, scene.size, SCALE, object, map.pointing);
      const verdict = figure.querySelector<HTMLElement>('[data-verdict]')!;
      const { hit, row, col } = map.pointing;
      Object.assign(verdict.dataset, { hit: String(hit), row: String(row), col: String(col) });
      verdict.textContent = t(hit ? 'peakHit' : 'peakMiss', { row, col });
    }
    drawHeads(q('[data-heads]'), view.headTiles, view.cls, view.layers, view.heads, scene.size);
    describe(root, view, object.classIndex);
    q<HTMLElement>('[data-pointing]').textContent =
      `${readPointing(view)} ${t('rolloutNote', { fusion: t(`fusion.${fusion.value as HeadFusion}`), ratio: percent(ratio, 0) })}`;
  }

  for (const control of [objectChoice, fusion]) control.addEventListener('change', () => void update());
  discard.addEventListener('input', () => void update());
  const restored = shell.restore();
  if (restored) {
    fusion.value = String(restored.params['fusion'] ?? 'mean');
    discard.value = String(restored.params['discard'] ?? 0);
  }
  const showObjects = objectMenu(objectChoice, restored ? Number(restored.params['object'] ?? 0) : undefined);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showObjects(next.scene);
    void update();
  });
  shell.start(t('loading'), picker.select(restored?.image));
}

/** Hits and misses of the three maps in one sentence. */
function readPointing(view: VitExplorerView): string {
  return t('pointingGame', { maps: view.maps.map((map) => t(map.pointing.hit ? 'mapHit' : 'mapMiss', { name: t(`name.${map.method}`) })).join(', ') });
}

/** The ViT's prediction, the CLS token's weight on itself per layer, and every displayed number in data-* for readers and tests. */
function describe(root: HTMLElement, view: VitExplorerView, classIndex: number): void {
  const { probabilities, layers, heads } = view;
  const best = probabilities.indexOf(Math.max(...probabilities));
  root.querySelector<HTMLElement>('[data-score]')!.textContent = t('vitScore', {
    name: className(OBJECT_CLASSES[classIndex]!, lang),
    p: percent(probabilities[classIndex]!),
    top: className(OBJECT_CLASSES[best]!, lang),
    topP: percent(probabilities[best]!),
  });
  root.querySelector<HTMLElement>('[data-self]')!.textContent = t('clsSelf', {
    layers: Array.from(view.clsSelf, (w, l) => t('layerWeight', { layer: l + 1, weight: fixed(w, 3) })).join(', '),
  });
  Object.assign(root.dataset, {
    cls: JSON.stringify(Array.from(view.cls)),
    rollout: JSON.stringify(Array.from(view.rollout)),
    gradientRollout: JSON.stringify(Array.from(view.gradientRollout)),
    probabilities: JSON.stringify(Array.from(probabilities)),
    layers: String(layers),
    heads: String(heads),
    classIndex: String(classIndex),
  });
}
