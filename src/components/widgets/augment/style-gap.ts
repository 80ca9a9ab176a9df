import { percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { StyleBatch, StyleName } from '~/engine/tasks/augment/style-gap.ts';
import { extent } from '../embeddings/map-dots.ts';
import { classLegend, drawMap } from '../embeddings/map-plot.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const KIND = 'style-gap';
/** Images measured per style: the first 500 of each evaluation stream (the held-out ones are the model card's check split). */
export const STYLE_GAP_IMAGES = 500;
/** Images per engine call: one forward pass of a few tens of ms, so the progress bar moves and other widgets get turns. */
const CHUNK = 50;
const STYLES: StyleName[] = ['held-out', 'unseen'];
const t = strings(pageLang());

/** Accuracy and mean confidence of objects-cnn on the held-out and the unseen-style images, and both styles' embeddings on one PCA. */
export function mountStyleGap(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const state = (): WidgetState => ({ widget: KIND, params: { images: STYLE_GAP_IMAGES }, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);
  shell.restore();
  classLegend(q('[data-legend]'));
  shell.start(t('loadingEngineModel'), measure(root, shell));
}

async function measure(root: HTMLElement, shell: WidgetShell): Promise<void> {
  const bar = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const text = root.querySelector<HTMLElement>('[data-progress-text]')!;
  const batches: Record<StyleName, StyleBatch[]> = { 'held-out': [], unseen: [] };
  const total = STYLES.length * STYLE_GAP_IMAGES;
  for (const style of STYLES) {
    for (let start = 0; start < STYLE_GAP_IMAGES; start += CHUNK) {
      const batch = await shell.run(() => compute(`${root.id}/${style}`, (tasks) => tasks.styleBatch(style, start, CHUNK)));
      if (!batch) return;
      batches[style].push(batch);
      const done = STYLES.indexOf(style) * STYLE_GAP_IMAGES + start + CHUNK;
      bar.value = done / total;
      text.textContent = t('gap.progress', { done, total });
      showRow(root, style, batches[style]);
    }
  }
  await showMaps(root, shell, batches);
  root.querySelector<HTMLElement>('[data-progress-line]')!.hidden = true;
  root.dataset['measured'] = 'true';
}

/** One style's row: correct count, accuracy and mean top-class probability over the batches so far. */
function showRow(root: HTMLElement, style: StyleName, batches: StyleBatch[]): void {
  let correct = 0;
  let confidence = 0;
  let n = 0;
  for (const b of batches) {
    b.labels.forEach((label, i) => {
      if (b.predicted[i] === label) correct++;
      confidence += b.confidence[i]!;
      n++;
    });
  }
  const row = root.querySelector<HTMLElement>(`tr[data-style="${style}"]`)!;
  Object.assign(row.dataset, { correct: String(correct), n: String(n), accuracy: String(correct / n), confidence: String(confidence / n) });
  row.querySelector('[data-correct]')!.textContent = t('gap.correctOf', { correct, n });
  row.querySelector('[data-accuracy]')!.textContent = percent(correct / n);
  row.querySelector('[data-confidence]')!.textContent = percent(confidence / n);
}

/** Both styles' embeddings projected by one PCA and drawn on the same axes, side by side. */
async function showMaps(root: HTMLElement, shell: WidgetShell, batches: Record<StyleName, StyleBatch[]>): Promise<void> {
  const all = STYLES.flatMap((s) => batches[s]);
  const dim = all[0]!.dim;
  const rows = new Float32Array(all.reduce((m, b) => m + b.features.length, 0));
  all.reduce((at, b) => (rows.set(b.features, at), at + b.features.length), 0);
  const map = await shell.run(() => compute(`${root.id}/map`, (tasks) => tasks.jointMap(rows, dim)));
  if (!map) return;
  const domains = { x: extent(map.points, 0), y: extent(map.points, 1) };
  const axes = { x: t('gap.pc1', { share: percent(map.ratios[0]) }), y: `PC 2 (${percent(map.ratios[1])})` };
  for (const [k, style] of STYLES.entries()) {
    const labels = Int32Array.from(batches[style].flatMap((b) => Array.from(b.labels)));
    const points = map.points.subarray(k * STYLE_GAP_IMAGES * 2, (k + 1) * STYLE_GAP_IMAGES * 2);
    const title = t(style === 'held-out' ? 'gap.mapHeldOut' : 'gap.mapUnseen');
    await drawMap(root.querySelector<HTMLElement>(`[data-plot="${style}"]`)!, points, labels, axes, title, domains);
  }
  root.querySelector('[data-map-info]')!.textContent = t('gap.info', {
    n: (2 * STYLE_GAP_IMAGES).toLocaleString('en-US'),
    first: percent(map.ratios[0]),
    second: percent(map.ratios[1]),
  });
}
