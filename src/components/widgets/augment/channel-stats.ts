import { fixed, plain } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const KIND = 'channel-stats';
/** Training scenes measured: 300 scenes are 1.2 million pixels per channel, regenerated in about a second. */
export const STATS_SCENES = 300;
const CHANNELS = ['R', 'G', 'B'];
const t = strings(pageLang());

/** The per-channel mean and deviation of objects-cnn's training scenes, measured live, and the normalization they define. */
export function mountChannelStats(root: HTMLElement): void {
  const state = (): WidgetState => ({ widget: KIND, params: { scenes: STATS_SCENES }, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);
  shell.restore();
  shell.start(t('stats.loading'), show(root, shell));
}

async function show(root: HTMLElement, shell: WidgetShell): Promise<void> {
  const result = await shell.run(() => compute(root.id, (tasks) => tasks.trainingStats(STATS_SCENES)));
  if (!result) return;
  const { stats, after, pixel } = result;
  root.querySelector('[data-rows]')!.replaceChildren(
    ...CHANNELS.map((name, c) => {
      const row = document.createElement('tr');
      Object.assign(row.dataset, {
        channel: name,
        mean: String(stats.mean[c]),
        std: String(stats.std[c]),
        x: String(pixel.before[c]),
        normalized: String(pixel.after[c]),
      });
      const cells = [name, ...[stats.mean[c]!, stats.std[c]!, pixel.before[c]!, pixel.after[c]!, after.mean[c]!, after.std[c]!].map(four)];
      row.replaceChildren(
        ...cells.map((text, k) => {
          const cell = document.createElement(k === 0 ? 'th' : 'td');
          if (k === 0) cell.setAttribute('scope', 'row');
          cell.textContent = text;
          return cell;
        }),
      );
      return row;
    }),
  );
  root.querySelector('[data-note]')!.textContent = t('stats.note', { count: plain(result.count), pixels: (result.count * 64 * 64).toLocaleString('en-US') });
  root.dataset['measured'] = 'true';
}

/** Four decimals; a rounding residue such as -1e-9 prints as 0.0000, not as a negative zero. */
function four(value: number): string {
  return fixed(Math.abs(value) < 5e-5 ? 0 : value, 4);
}
