import { fixed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { GuidedReluRows } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-conv.ts';

const KIND = 'guided-relu-example';
const t = strings(pageLang());
const ROWS: (keyof GuidedReluRows)[] = ['forward', 'forwardMask', 'backwardMask', 'backprop', 'deconvnet', 'guided'];

/** A ReLU on six editable numbers: its forward pass and the three backward rules, from the engine. */
export function mountGuidedReluExample(root: HTMLElement): void {
  const zInputs = [...root.querySelectorAll<HTMLInputElement>('[data-z]')];
  const rInputs = [...root.querySelectorAll<HTMLInputElement>('[data-r]')];
  const read = (inputs: HTMLInputElement[]) => inputs.map((input) => input.valueAsNumber);
  const state = (): WidgetState => ({ widget: KIND, params: { z: read(zInputs), r: read(rInputs) }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const z = read(zInputs);
    const r = read(rInputs);
    if (![...z, ...r].every(Number.isFinite)) return shell.say(t('needsNumbers'), 'error');
    const rows = await shell.run(() => compute(root.id, (tasks) => tasks.guidedReluExample(z, r)));
    if (!rows) return;
    for (const key of ROWS) {
      const cells = root.querySelectorAll<HTMLTableCellElement>(`[data-row="${key}"] td`);
      rows[key].forEach((value, k) => {
        const cell = cells[k]!;
        cell.dataset['value'] = String(value);
        cell.textContent = key.endsWith('Mask') ? String(value) : fixed(value, 2).replace(/\.?0+$/, '') || '0';
        // Grey out what a mask switched off (masks themselves: their zeros).
        cell.classList.toggle('off', value === 0);
      });
    }
  }

  for (const input of [...zInputs, ...rInputs]) input.addEventListener('input', () => void update());
  const restored = shell.restore();
  if (restored) {
    const fill = (inputs: HTMLInputElement[], values: unknown) => {
      if (Array.isArray(values)) inputs.forEach((input, k) => (input.value = String(values[k] ?? input.value)));
    };
    fill(zInputs, restored.params['z']);
    fill(rInputs, restored.params['r']);
  }
  void update();
}
