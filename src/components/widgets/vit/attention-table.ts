import { cancelSession, startSession } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { AnyMapMethod, MethodTable } from '~/engine/tasks/index.ts';
import { percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-vit.ts';
import { bestOf, methodRow } from '../method-rows.ts';
import { stop } from '../trust-controls.ts';

const KIND = 'attention-table';
const SEED = 1;
const t = strings(pageLang());

/** The two halves of the table: each model's maps, measured on its own predictions, with its own random floor. */
const PARTS: readonly { model: string; lane: string; methods: readonly AnyMapMethod[] }[] = [
  { model: 'objects-vit', lane: 'vit', methods: ['rollout', 'gradient-rollout', 'token-grad-cam', 'random'] },
  { model: 'objects-cnn', lane: 'cnn', methods: ['grad-cam', 'random'] },
];

/** objects-vit's rollouts against objects-cnn's Grad-CAM on the same held-out scenes: pointing game, deletion and insertion AUC. */
export function mountAttentionTable(root: HTMLElement): void {
  const batch = root.querySelector<HTMLSelectElement>('[data-batch]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const [defaultBatch, steps] = root.querySelector<HTMLElement>('[data-defaults]')!.dataset['defaults']!.split(' ').map(Number) as [number, number];
  // A smaller batch by address (?trust-batch=4) keeps browser tests short, as in the trust lesson's table.
  const override = Number(new URLSearchParams(location.search).get('trust-batch'));
  const size = (): number => Number(batch.value);
  const state = (): WidgetState => ({ widget: KIND, params: { batch: size() }, seed: SEED });
  const shell = new WidgetShell(root, KIND, state);
  const lanes = PARTS.map(({ lane }) => `${root.id}/${lane}`);

  async function run(): Promise<void> {
    const n = size();
    // Old runs stop now, so their results cannot land after this reset.
    for (const lane of lanes) void cancelSession(lane);
    delete root.dataset['ready'];
    progress.value = 0;
    const tables: (MethodTable | undefined)[] = PARTS.map(() => undefined);
    for (const [i, part] of PARTS.entries()) {
      shell.say(t('measuring', { model: part.model, n }));
      const args = { count: n, steps, seed: SEED, smoothSamples: 1, model: part.model, methods: part.methods };
      const table = await shell.run(() =>
        startSession(lanes[i]!, 'methodTable', args, ({ progress: { table: partial, total } }) => {
          if (partial.scenes === 0) return;
          tables[i] = partial;
          progress.value = (i + partial.scenes / total) / PARTS.length;
          render(root, tables, n, steps);
        }),
      );
      if (!table) return;
      tables[i] = table;
      render(root, tables, n, steps);
    }
    root.dataset['done'] = String(n);
  }

  root.querySelector('[data-run]')!.addEventListener('click', () => void run());
  root.querySelector('[data-stop]')!.addEventListener('click', () => void Promise.all(lanes.map((lane) => stop(lane, shell))));
  batch.addEventListener('change', () => void run());
  const restored = shell.restore();
  const initial = override > 0 ? override : Number(restored?.params['batch'] ?? defaultBatch);
  if (![...batch.options].some((option) => Number(option.value) === initial)) batch.append(new Option(String(initial)));
  batch.value = String(initial);
  shell.start(t('loading'), run());
}

/** Both halves as far as they are measured; bold marks each model's best, since deletion areas compare methods on one model. */
function render(root: HTMLElement, tables: readonly (MethodTable | undefined)[], total: number, steps: number): void {
  const rows = tables.flatMap((table, i) => {
    if (!table) return [];
    const objects = table.rows[0]!.trials.length;
    const best = bestOf(table);
    return table.rows.map((row) => {
      const tr = methodRow(row, objects, best, PARTS[i]!.model);
      tr.dataset['model'] = PARTS[i]!.model;
      return tr;
    });
  });
  root.querySelector<HTMLElement>('[data-rows]')!.replaceChildren(...rows);
  const first = tables[0];
  const caption = root.querySelector<HTMLElement>('[data-caption]')!;
  caption.dataset['scenes'] = String(first?.scenes ?? 0);
  caption.textContent = t('tableCaption', { done: first?.scenes ?? 0, total, points: steps + 1 });
  if (first) {
    root.querySelector<HTMLElement>('[data-note]')!.textContent = t('tableNote', { chance: percent(first.chance) });
  }
}
