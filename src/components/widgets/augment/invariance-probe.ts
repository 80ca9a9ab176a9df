import { percent, plain } from '~/components/ui/format.ts';
import { drawSample } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { InvarianceCurve, ProbeKind } from '~/engine/tasks/augment/invariance.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';
import { drawInvariance, labelCurve, UNCHANGED } from './invariance-plot.ts';

const KIND = 'invariance-probe';
const DATASET = 'objects-held-out-1';
const KINDS: ProbeKind[] = ['rotate', 'scale', 'brightness'];
const lang = pageLang();
const t = strings(lang);

/** The model's probability for an image's class as the image is rotated, scaled or brightened step by step. */
export function mountInvarianceProbe(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const index = q<HTMLInputElement>('[data-index]');
  const kind = q<HTMLSelectElement>('[data-change]');
  const slider = q<HTMLInputElement>('[data-value]');
  let curve: InvarianceCurve | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: { kind: 'dataset', dataset: DATASET, index: Number(index.value) },
    params: { change: kind.value, step: Number(slider.value) },
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);

  const picked = () => ({ i: Math.min(1999, Math.max(0, Math.round(Number(index.value) || 0))), k: kind.value as ProbeKind });
  async function sweep(keepStep = false): Promise<void> {
    const { i, k } = picked();
    const next = await shell.run(() => compute(root.id, (tasks) => tasks.invarianceCurve(DATASET, i, k)));
    if (!next) return;
    curve = next;
    slider.max = String(next.values.length - 1);
    if (!keepStep) slider.value = String(next.values.indexOf(UNCHANGED[k]));
    root.dataset['curve'] = JSON.stringify({ index: i, kind: k, values: next.values, label: next.label, p: labelCurve(next) });
    summarise(root, next);
    await view();
  }
  async function view(): Promise<void> {
    if (!curve) return;
    const step = Number(slider.value);
    const value = curve.values[step]!;
    q('[data-value-text]').textContent = String(value);
    await drawInvariance(q('[data-plot]'), curve, className(OBJECT_CLASSES[curve.label]!, lang), step);
    const { i, k } = picked();
    const shown = await shell.run(() => compute(`${root.id}/view`, (tasks) => tasks.invarianceView(DATASET, i, k, value)));
    if (!shown) return;
    drawSample(q('[data-view]'), { size: shown.size, image: shown.image, boxes: [], masks: [], classes: [] }, { scale: 2, masks: false, boxes: false });
    const top = shown.probabilities.indexOf(Math.max(...shown.probabilities));
    const p = `p(${className(OBJECT_CLASSES[curve.label]!, lang)}) = ${percent(shown.probabilities[curve.label]!)}`;
    // The top class is named apart only when it is not the true one: otherwise both would print the same number.
    const verdict =
      top === curve.label ? t('probe.topSame') : t('probe.topOther', { name: className(OBJECT_CLASSES[top]!, lang), p: percent(shown.probabilities[top]!) });
    q('[data-view-caption]').textContent = `${t(`probe.kind.${k}`)} ${value}: ${p}, ${verdict}`;
  }

  index.addEventListener('change', () => void sweep());
  kind.addEventListener('change', () => void sweep());
  slider.addEventListener('input', () => void view());
  const restored = shell.restore();
  if (restored?.image?.kind === 'dataset') index.value = String(restored.image.index);
  if (KINDS.includes(restored?.params['change'] as ProbeKind)) kind.value = String(restored!.params['change']);
  if (typeof restored?.params['step'] === 'number') slider.value = String(restored.params['step']);
  shell.start(t('loadingEngineModel'), sweep(restored !== undefined));
}

/** Where the class stays the model's top answer, in words, e.g. "between -30 and 40 degrees". */
function summarise(root: HTMLElement, curve: InvarianceCurve): void {
  const kept = curve.values.filter((_, i) => {
    const row = curve.probabilities.subarray(i * curve.classes, (i + 1) * curve.classes);
    return row.indexOf(Math.max(...row)) === curve.label;
  });
  const counts = { name: className(OBJECT_CLASSES[curve.label]!, lang), kept: kept.length, total: curve.values.length };
  root.querySelector('[data-summary]')!.textContent = kept.length
    ? t('probe.summaryRange', { ...counts, from: plain(kept[0]!), to: plain(kept.at(-1)!) })
    : t('probe.summary', counts);
}
