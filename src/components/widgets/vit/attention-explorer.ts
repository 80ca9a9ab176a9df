import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { HeadFusion, VitExplorerView } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawOverlay } from '../trust-draw.ts';
import { objectMenu } from '../trust-controls.ts';
import { drawHeads, drawPatches, SCALE } from './attention-draw.ts';

const KIND = 'attention-explorer';
const NAMES = { rollout: 'Rollout', 'gradient-rollout': 'Gradient-weighted rollout', 'grad-cam': 'Grad-CAM' } as const;

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
      verdict.textContent = `peak (${row}, ${col}): ${hit ? 'hit' : 'miss'}`;
    }
    drawHeads(q('[data-heads]'), view.headTiles, view.cls, view.layers, view.heads, scene.size);
    describe(root, view, object.classIndex);
    q<HTMLElement>('[data-pointing]').textContent =
      `${readPointing(view)} Rollout fuses the heads by their ${fusion.value} and discards the smallest ${percent(ratio, 0)} of each fused matrix.`;
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
  shell.start('Loading objects-vit and objects-cnn…', picker.select(restored?.image));
}

/** Hits and misses of the three maps in one sentence. */
function readPointing(view: VitExplorerView): string {
  return `Pointing game: ${view.maps.map((map) => `${NAMES[map.method]} ${map.pointing.hit ? 'hit' : 'miss'}`).join(', ')}.`;
}

/** The ViT's prediction, the CLS token's weight on itself per layer, and every displayed number in data-* for readers and tests. */
function describe(root: HTMLElement, view: VitExplorerView, classIndex: number): void {
  const { probabilities, layers, heads } = view;
  const best = probabilities.indexOf(Math.max(...probabilities));
  root.querySelector<HTMLElement>('[data-score]')!.textContent =
    `objects-vit: p(${OBJECT_CLASSES[classIndex]}) = ${percent(probabilities[classIndex]!)}; top class ${OBJECT_CLASSES[best]} (${percent(probabilities[best]!)})`;
  root.querySelector<HTMLElement>('[data-self]')!.textContent =
    `The CLS token's weight on itself, averaged over the heads: ${Array.from(view.clsSelf, (w, l) => `layer ${l + 1} ${fixed(w, 3)}`).join(', ')}. Each row of A sums to 1, so the patches share the rest.`;
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
