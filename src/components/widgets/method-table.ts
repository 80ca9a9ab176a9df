import { cancelSession, startSession } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MethodRow, MethodTable } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { ModelMenu } from '~/components/ui/model-menu.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { stop } from './trust-controls.ts';

const KIND = 'method-table';
const SEED = 1;

/** The best score of each column, as shown (to 3 decimals). */
interface Best {
  pointing: number;
  deletion: number;
  insertion: number;
}

/** Pointing game, mean deletion AUC and mean insertion AUC of every method on a held-out batch, scene by scene. */
export function mountMethodTable(root: HTMLElement): void {
  const batch = root.querySelector<HTMLSelectElement>('[data-batch]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const [defaultBatch, steps] = root.querySelector<HTMLElement>('[data-defaults]')!.dataset['defaults']!.split(' ').map(Number) as [number, number];
  // A smaller batch by address (?trust-batch=4) keeps browser tests short.
  const override = Number(new URLSearchParams(location.search).get('trust-batch'));
  const size = (): number => Number(batch.value);
  const state = (): WidgetState => ({ widget: KIND, model: menu.value, params: { batch: size() }, seed: SEED });
  const shell = new WidgetShell(root, KIND, state);
  const menu = new ModelMenu(root.querySelector('[data-model-menu]')!, shell, () => void run());

  async function run(): Promise<void> {
    const n = size();
    // The old run stops now, not once the new one is made, so its result cannot land after this reset.
    void cancelSession(root.id);
    delete root.dataset['ready'];
    progress.value = 0;
    shell.say(`Measuring ${n} scenes, one at a time…`);
    // The engine makes held-out scenes 0 .. n-1 (2 or 3 objects, alternating: the batch the model card's pointing game uses).
    const model = menu.value;
    root.dataset['model'] = model;
    const args = { count: n, steps, seed: SEED, smoothSamples: 8, model };
    const table = await shell.run(() =>
      startSession(root.id, 'methodTable', args, ({ progress: { table: partial, total } }) => {
        // Until the first scene is measured there is nothing new to show.
        if (partial.scenes === 0) return;
        progress.value = partial.scenes / total;
        render(root, partial, total, steps);
      }),
    );
    if (table) render(root, table, n, steps);
  }

  root.querySelector('[data-run]')!.addEventListener('click', () => void run());
  root.querySelector('[data-stop]')!.addEventListener('click', () => void stop(root.id, shell));
  batch.addEventListener('change', () => void run());
  const restored = shell.restore();
  const initial = override > 0 ? override : Number(restored?.params['batch'] ?? defaultBatch);
  if (![...batch.options].some((option) => Number(option.value) === initial)) batch.append(new Option(String(initial)));
  batch.value = String(initial);
  menu.start(restored?.model).then(run).catch((error: Error) => shell.say(error.message, 'error'));
}

/** The table so far (`table.scenes` of `total` scenes measured), its caption and the note on the random row. */
function render(root: HTMLElement, table: MethodTable, total: number, steps: number): void {
  const objects = table.rows[0]!.trials.length;
  const best = bestOf(table);
  root.querySelector<HTMLElement>('[data-rows]')!.replaceChildren(...table.rows.map((row) => methodRow(row, objects, best)));
  const caption = root.querySelector<HTMLElement>('[data-caption]')!;
  caption.dataset['scenes'] = String(table.scenes);
  caption.textContent = `${table.scenes} of ${total} held-out scenes (${objects} objects) · pointing game within 2 px of the exact mask · curves of ${steps + 1} points for the class the model finds most probable in each scene · bold: best so far.`;
  root.querySelector<HTMLElement>('[data-note]')!.textContent =
    `What a random map scores: its peak lands anywhere with equal chance, so it wins the pointing game about ${percent(table.chance)} of the time on these objects (the share of the image within 2 px of each mask), and its deletion and insertion curves fall and rise with the pixel count alone. A method is worth reading only where it beats that row.`;
}

/** Best among the real methods, as shown (CAM and Grad-CAM tie to rounding on this model); the random row is the floor. */
function bestOf(table: MethodTable): Best {
  const methods = table.rows.filter((row) => row.method !== 'random');
  return {
    pointing: Math.max(...methods.map((row) => round(row.pointing, 3))),
    deletion: Math.min(...methods.map((row) => round(row.deletionAuc, 3))),
    insertion: Math.max(...methods.map((row) => round(row.insertionAuc, 3))),
  };
}

/** One method's row, its trials in data-trials as [scene, class, hit, row, col]. */
function methodRow(row: MethodRow, objects: number, best: Best): HTMLTableRowElement {
  const isBest = (value: number, target: number) => row.method !== 'random' && round(value, 3) === target;
  const tr = document.createElement('tr');
  tr.dataset['method'] = row.method;
  const hits = row.trials.filter((trial) => trial.hit).length;
  tr.dataset['trials'] = JSON.stringify(row.trials.map((trial) => [trial.scene, trial.classIndex, trial.hit ? 1 : 0, trial.row, trial.col]));
  tr.append(
    cell(row.label),
    cell(percent(row.pointing), { pointing: String(row.pointing), hits: String(hits) }, isBest(row.pointing, best.pointing), `(${hits}/${objects})`),
    cell(fixed(row.deletionAuc, 3), { deletion: String(row.deletionAuc) }, isBest(row.deletionAuc, best.deletion)),
    cell(fixed(row.insertionAuc, 3), { insertion: String(row.insertionAuc) }, isBest(row.insertionAuc, best.insertion)),
  );
  return tr;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function cell(text: string, data: Record<string, string> = {}, best = false, note?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (note) td.append(' ', Object.assign(document.createElement('span'), { className: 'count', textContent: note }));
  Object.assign(td.dataset, data);
  if (best) td.dataset['best'] = '';
  return td;
}
