import { cancelSession, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { SanityProgress, SanityStep } from '~/engine/tasks/index.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawOverlay } from './trust-draw.ts';
import { objectMenu, stop } from './trust-controls.ts';

const KIND = 'sanity-check';
const LABELS: Record<string, string> = { 'grad-cam': 'Grad-CAM', cam: 'CAM', saliency: 'Saliency', smoothgrad: 'Smooth\u00adGrad' };

/** Cascading randomisation: each method's map after each re-initialised layer, beside the trained one, with Spearman's rho. */
export function mountSanityCheck(root: HTMLElement): void {
  const objectChoice = root.querySelector<HTMLSelectElement>('[data-object]')!;
  const seed = root.querySelector<HTMLInputElement>('[data-seed]')!;
  const head = root.querySelector<HTMLTableRowElement>('[data-head]')!;
  const body = root.querySelector<HTMLElement>('[data-body]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  let picked: PickedScene | undefined;
  /** Which run's columns, and how many, the table shows. */
  let drawn = '';
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
    columns('', { columns: [], total: 1 }, scene.size);
    // Each report holds every column so far and a replaced run reports nothing more: the table is redrawn whole.
    const steps = await shell.run(() => startSession(root.id, 'sanityCheck', args, (report) => columns(`${report.run}`, report.progress, scene.size)));
    if (!steps) return;
    const name = OBJECT_CLASSES[scene.objects[objectIndex]!.classIndex];
    const top = steps[1]?.maps.find((map) => map.method === 'grad-cam');
    root.querySelector('[data-summary]')!.textContent =
      `Maps for "${name}". After re-initialising only the logits layer, Grad-CAM's map has ρ = ${format(top?.similarity ?? NaN)} with the trained one; a method whose ρ stays near 1 down the row is not reading what the model learned.`;
  }

  /** Draws the columns of run `run`, unless they are the ones already drawn (reports come faster than columns). */
  function columns(run: string, { columns: done, total }: SanityProgress, size: number): void {
    const key = `${run}/${done.length}`;
    if (drawn === key) return;
    drawn = key;
    head.replaceChildren(th('Method'));
    body.replaceChildren();
    for (const step of done) column(step, size);
    progress.value = done.length / total;
  }

  function column(step: SanityStep, size: number): void {
    const header = th(step.name.replace('_', '_\u200b'));
    header.title = step.randomized.length ? `Re-initialised: ${step.randomized.join(', ')}` : 'The trained model';
    head.append(header);
    for (const map of step.maps) {
      let row = body.querySelector<HTMLTableRowElement>(`tr[data-method="${map.method}"]`);
      if (!row) {
        row = document.createElement('tr');
        row.dataset['method'] = map.method;
        const label = th(LABELS[map.method] ?? map.method);
        label.scope = 'row';
        row.append(label);
        body.append(row);
      }
      const cell = document.createElement('td');
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${LABELS[map.method]} map, ${step.name}`);
      drawOverlay(canvas, map.overlay, size, 1);
      cell.dataset['step'] = step.name;
      cell.dataset['similarity'] = String(map.similarity);
      if (map.similarity < 0.5) cell.dataset['low'] = '';
      cell.append(canvas, `ρ ${format(map.similarity, true)}`);
      row.append(cell);
    }
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
  shell.start('Loading the model…', picker.select(restored?.image));
}

function th(text: string): HTMLTableCellElement {
  const cell = document.createElement('th');
  cell.textContent = text;
  return cell;
}

/** rho to two decimals; a flat map has no ranking to compare. */
function format(rho: number, short = false): string {
  if (!Number.isNaN(rho)) return rho.toFixed(2);
  return short ? 'flat' : 'undefined (the map is flat)';
}
