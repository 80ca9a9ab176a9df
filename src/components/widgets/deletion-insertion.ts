import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { DeletionInsertionResult, TrustMethod } from '~/engine/tasks/index.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawOverlay } from './trust-draw.ts';
import { drawCurves } from './trust-plot.ts';
import { objectMenu, stop } from './trust-controls.ts';

const KIND = 'deletion-insertion';
const SMOOTH_SAMPLES = 16;

/** One method's map for one object: pointing game on the mask, deletion and insertion curves with their areas. */
export function mountDeletionInsertion(root: HTMLElement): void {
  const objectChoice = root.querySelector<HTMLSelectElement>('[data-object]')!;
  const method = root.querySelector<HTMLSelectElement>('[data-method]')!;
  const overlay = root.querySelector<HTMLCanvasElement>('[data-overlay]')!;
  const plot = root.querySelector<HTMLElement>('[data-plot]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const steps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);
  let picked: PickedScene | undefined;
  // Progress of a replaced run may still arrive before it notices; only the latest run draws.
  let runs = 0;
  const state = (): WidgetState => ({
    widget: KIND,
    ...(picked ? { image: picked.ref } : {}),
    params: { object: Number(objectChoice.value) || 0, method: method.value },
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked) return;
    const scene = picked.scene;
    const objectIndex = Number(objectChoice.value) || 0;
    const chosen = method.value as TrustMethod;
    const run = ++runs;
    delete root.dataset['ready'];
    progress.value = 0;
    shell.say('Computing the map, then the curves…');
    const result = await shell.run(() =>
      compute(root.id, (tasks, signal) =>
        tasks.deletionInsertion(scene, objectIndex, {
          method: chosen,
          steps,
          seed: 1,
          smoothSamples: SMOOTH_SAMPLES,
          onProgress: (kind, scores) => {
            if (run !== runs) return;
            const done = scores.filter(Number.isFinite).length + (kind === 'insertion' ? steps + 1 : 0);
            progress.value = done / (2 * steps + 2);
            void drawCurves(plot, kind === 'deletion' ? { deletion: scores, insertion: [] } : { deletion: lastDeletion, insertion: scores });
            if (kind === 'deletion') lastDeletion = Float32Array.from(scores);
          },
        }, signal),
      ),
    );
    if (!result) return;
    show(scene, objectIndex, result);
  }
  let lastDeletion = new Float32Array();

  function show(scene: Scene, objectIndex: number, result: DeletionInsertionResult): void {
    const object = scene.objects[objectIndex]!;
    const { pointing } = result;
    drawOverlay(overlay, result.overlay, scene.size, 4, object, { row: pointing.row, col: pointing.col, hit: pointing.hit });
    void drawCurves(plot, result);
    const name = OBJECT_CLASSES[result.classIndex];
    const label = method.selectedOptions[0]?.textContent ?? method.value;
    const where = root.querySelector<HTMLElement>('[data-pointing]')!;
    where.dataset['hit'] = String(pointing.hit);
    where.textContent = `Pointing game: ${pointing.hit ? 'hit' : 'miss'}. ${label}'s map for "${name}" peaks at row ${pointing.row}, column ${pointing.col}, ${pointing.hit ? 'on' : 'off'} the ${name}'s mask (tolerance 2 px). p(${name} | image) = ${result.probability.toFixed(3)}.`;
    const auc = root.querySelector<HTMLElement>('[data-auc]')!;
    auc.dataset['deletion'] = String(result.deletionAuc);
    auc.dataset['insertion'] = String(result.insertionAuc);
    auc.innerHTML = `Deletion AUC = <strong>${result.deletionAuc.toFixed(3)}</strong> (lower is better) · Insertion AUC = <strong>${result.insertionAuc.toFixed(3)}</strong> (higher is better) · ${steps + 1} points per curve`;
    progress.value = 1;
  }

  root.querySelector('[data-stop]')!.addEventListener('click', () => void stop(root.id, shell));
  method.addEventListener('change', () => void update());
  objectChoice.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) method.value = String(restored.params['method'] ?? 'grad-cam');
  const showObjects = objectMenu(objectChoice, restored ? Number(restored.params['object'] ?? 0) : undefined);
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (next) => {
    picked = next;
    showObjects(next.scene);
    void update();
  });
  shell.start('Loading the model…', picker.select(restored?.image));
}
