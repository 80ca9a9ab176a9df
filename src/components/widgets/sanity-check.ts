import { cancelSession, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { SanityStep } from '~/engine/tasks/index.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-trust.ts';
import { SanityGrid, rhoText } from './sanity-grid.ts';
import { objectMenu, stop } from './trust-controls.ts';

const KIND = 'sanity-check';
const lang = pageLang();
const t = strings(lang);

/** Cascading randomisation: each method's map after each re-initialised layer, beside the trained one, with Spearman's rho. */
export function mountSanityCheck(root: HTMLElement): void {
  const objectChoice = root.querySelector<HTMLSelectElement>('[data-object]')!;
  const seed = root.querySelector<HTMLInputElement>('[data-seed]')!;
  const grid = new SanityGrid(root.querySelector('[data-head]')!, root.querySelector('[data-body]')!, root.querySelector('[data-progress]')!);
  let picked: PickedScene | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    ...(picked ? { image: picked.ref } : {}),
    params: { object: Number(objectChoice.value) || 0 },
    seed: seed.valueAsNumber || 0,
  });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked) return;
    const scene = picked.scene;
    const objectIndex = Number(objectChoice.value) || 0;
    const args = { scene, objectIndex, seed: seed.valueAsNumber || 0, smoothSamples: 8 };
    // The old run stops now, not once the new one is made, so its result cannot land after this reset.
    void cancelSession(root.id);
    delete root.dataset['ready'];
    grid.show('', { columns: [], total: 1 }, scene.size);
    // Each report holds every column so far and a replaced run reports nothing more: the table is redrawn whole.
    const steps = await shell.run(() => startSession(root.id, 'sanityCheck', args, (report) => grid.show(`${report.run}`, report.progress, scene.size)));
    if (steps) summarise(root.querySelector('[data-summary]')!, scene, objectIndex, steps);
  }

  root.querySelector('[data-stop]')!.addEventListener('click', () => void stop(root.id, shell));
  objectChoice.addEventListener('change', () => void update());
  seed.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  const showObjects = objectMenu(objectChoice, restored ? Number(restored.params['object'] ?? 0) : undefined);
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (next) => {
    picked = next;
    showObjects(next.scene);
    void update();
  });
  shell.start(t('loadingModel'), picker.select(restored?.image));
}

/** The sentence under the table: Grad-CAM's rho once only the logits layer is re-initialised. */
function summarise(summary: Element, scene: Scene, objectIndex: number, steps: SanityStep[]): void {
  const name = className(OBJECT_CLASSES[scene.objects[objectIndex]!.classIndex]!, lang);
  const top = steps[1]?.maps.find((map) => map.method === 'grad-cam');
  summary.textContent = t('summary', { name, rho: rhoText(top?.similarity ?? NaN) });
}
