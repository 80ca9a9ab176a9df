import { percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { StyleName, TtaBatch } from '~/engine/tasks/augment/gap-and-tta.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const KIND = 'tta-measure';
const SIZES = [50, 100, 500];
/** Images per engine call: 400 forward passes, a fraction of a second on wasm. */
const CHUNK = 50;
const STYLES: StyleName[] = ['held-out', 'unseen'];
const t = strings(pageLang());

/** Counts over the images measured so far. */
interface Tally {
  n: number;
  plain: number;
  tta: number;
  plainConfidence: number;
  ttaConfidence: number;
  fixed: number;
  broken: number;
}

/** Accuracy and confidence with and without TTA on the first N images of each style, and the predictions TTA changes. */
export function mountTtaMeasure(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const images = q<HTMLSelectElement>('[data-images]');
  const state = (): WidgetState => ({ widget: KIND, params: { images: Number(images.value) }, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);
  const restored = shell.restore();
  if (SIZES.includes(restored?.params['images'] as number)) images.value = String(restored!.params['images']);
  q('[data-measure]').addEventListener('click', () => void measure(root, shell, Number(images.value)));
  shell.say(t('measure.ready'));
}

async function measure(root: HTMLElement, shell: WidgetShell, count: number): Promise<void> {
  const line = root.querySelector<HTMLElement>('[data-progress-line]')!;
  const bar = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  line.hidden = false;
  root.dataset['measured'] = 'false';
  for (const [k, style] of STYLES.entries()) {
    const tally: Tally = { n: 0, plain: 0, tta: 0, plainConfidence: 0, ttaConfidence: 0, fixed: 0, broken: 0 };
    for (let start = 0; start < count; start += CHUNK) {
      const n = Math.min(CHUNK, count - start);
      // One lane for the whole run: pressing Measure again supersedes the running batch and this loop stops.
      const batch = await shell.run(() => compute(`${root.id}/batch`, (tasks) => tasks.ttaBatch(style, start, n)));
      if (!batch) return;
      add(tally, batch);
      bar.value = (k * count + start + n) / (STYLES.length * count);
      root.querySelector('[data-progress-text]')!.textContent = t('measure.progress', { done: k * count + start + n, total: STYLES.length * count });
      show(root, style, tally);
    }
  }
  line.hidden = true;
  root.querySelector('[data-note]')!.textContent = t('measure.note', { count });
  root.dataset['measured'] = 'true';
  root.dataset['images'] = String(count);
}

function add(tally: Tally, batch: TtaBatch): void {
  batch.labels.forEach((label, i) => {
    const alone = batch.plain.predicted[i] === label;
    const tta = batch.tta.predicted[i] === label;
    tally.n++;
    tally.plain += Number(alone);
    tally.tta += Number(tta);
    tally.plainConfidence += batch.plain.confidence[i]!;
    tally.ttaConfidence += batch.tta.confidence[i]!;
    tally.fixed += Number(!alone && tta);
    tally.broken += Number(alone && !tta);
  });
}

function show(root: HTMLElement, style: StyleName, t: Tally): void {
  const row = root.querySelector<HTMLElement>(`tr[data-style="${style}"]`)!;
  const cells: Record<string, string> = {
    plain: percent(t.plain / t.n),
    tta: percent(t.tta / t.n),
    plainConfidence: percent(t.plainConfidence / t.n),
    ttaConfidence: percent(t.ttaConfidence / t.n),
    fixed: String(t.fixed),
    broken: String(t.broken),
  };
  for (const [name, text] of Object.entries(cells)) row.querySelector(`[data-cell="${name}"]`)!.textContent = text;
  row.dataset['tally'] = JSON.stringify(t);
}
