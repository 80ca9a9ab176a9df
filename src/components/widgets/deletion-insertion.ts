import { cancelSession, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { DeletionInsertionProgress, DeletionInsertionResult, TrustMethod } from '~/engine/tasks/index.ts';
import { fixed } from '~/components/ui/format.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { setMarkup } from '~/components/ui/markup.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam-metrics.ts';
import { markupOf } from './cam-parts.ts';
import { drawOverlay } from './trust-draw.ts';
import { drawCurves } from './trust-plot.ts';
import { objectMenu, stop } from './trust-controls.ts';

const KIND = 'deletion-insertion';
const SMOOTH_SAMPLES = 16;
const lang = pageLang();
const t = strings(lang);

/** One method's map for one object: pointing game on the mask, deletion and insertion curves with their areas. */
export function mountDeletionInsertion(root: HTMLElement): void {
  const objectChoice = root.querySelector<HTMLSelectElement>('[data-object]')!;
  const method = root.querySelector<HTMLSelectElement>('[data-method]')!;
  const overlay = root.querySelector<HTMLCanvasElement>('[data-overlay]')!;
  const plot = root.querySelector<HTMLElement>('[data-plot]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const steps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);
  let picked: PickedScene | undefined;
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
    const args = { scene, objectIndex, method: method.value as TrustMethod, steps, seed: 1, smoothSamples: SMOOTH_SAMPLES };
    // The old run stops now, not once the new one is made, so its result cannot land after this reset;
    // a run that is cancelled or replaced reports nothing more, so nothing stale is drawn.
    void cancelSession(root.id);
    delete root.dataset['ready'];
    progress.value = 0;
    shell.say(t('computing'));
    const result = await shell.run(() => startSession(root.id, 'deletionInsertion', args, (report) => grow(report.progress)));
    if (!result) return;
    drawOverlay(overlay, result.overlay, scene.size, 4, scene.objects[objectIndex]!, result.pointing);
    void drawCurves(plot, result);
    describe(root, result, method.selectedOptions[0]?.textContent ?? method.value, steps);
    progress.value = 1;
  }

  /** The curves so far (NaN where not yet computed), as they grow point by point. */
  function grow({ deletion, insertion }: DeletionInsertionProgress): void {
    const done = [...deletion, ...insertion].filter(Number.isFinite).length;
    // Until the map is made there is nothing new to draw: the last figure stays.
    if (done === 0) return;
    progress.value = done / (2 * steps + 2);
    void drawCurves(plot, { deletion, insertion });
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
  shell.start(t('loadingModel'), picker.select(restored?.image));
}

/** The pointing game's verdict and the two areas, in words, with their values in data-*. */
function describe(root: HTMLElement, result: DeletionInsertionResult, label: string, steps: number): void {
  const { pointing } = result;
  const name = className(OBJECT_CLASSES[result.classIndex], lang);
  const where = root.querySelector<HTMLElement>('[data-pointing]')!;
  where.dataset['hit'] = String(pointing.hit);
  where.textContent = t(pointing.hit ? 'pointingHit' : 'pointingMiss', {
    method: label,
    name,
    row: pointing.row,
    col: pointing.col,
    p: fixed(result.probability, 3),
  });
  const auc = root.querySelector<HTMLElement>('[data-auc]')!;
  auc.dataset['deletion'] = String(result.deletionAuc);
  auc.dataset['insertion'] = String(result.insertionAuc);
  setMarkup(auc, markupOf(t, 'auc', { deletion: fixed(result.deletionAuc, 3), insertion: fixed(result.insertionAuc, 3), points: steps + 1 }));
}
