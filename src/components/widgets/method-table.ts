import { cancelSession, startSession } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MethodTable } from '~/engine/tasks/index.ts';
import { percent } from '~/components/ui/format.ts';
import { ModelMenu } from '~/components/ui/model-menu.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam-metrics.ts';
import { stop } from './trust-controls.ts';
import { bestOf, methodRow } from './method-rows.ts';

const KIND = 'method-table';
const SEED = 1;
const t = strings(pageLang());

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
    shell.say(t('measuring', { n }));
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
  menu
    .start(restored?.model)
    .then(run)
    .catch((error: unknown) => shell.fail(error));
}

/** The table so far (`table.scenes` of `total` scenes measured), its caption and the note on the random row. */
function render(root: HTMLElement, table: MethodTable, total: number, steps: number): void {
  const objects = table.rows[0]!.trials.length;
  const best = bestOf(table);
  root.querySelector<HTMLElement>('[data-rows]')!.replaceChildren(...table.rows.map((row) => methodRow(row, objects, best)));
  const caption = root.querySelector<HTMLElement>('[data-caption]')!;
  caption.dataset['scenes'] = String(table.scenes);
  caption.textContent = t('tableCaption', { scenes: table.scenes, total, objects, points: steps + 1 });
  root.querySelector<HTMLElement>('[data-note]')!.textContent = t('randomNote', { chance: percent(table.chance) });
}
