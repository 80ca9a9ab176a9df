import { percent } from '~/components/ui/format.ts';
import { drawSample } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { TtaPrediction } from '~/engine/tasks/augment/tta.ts';
import { drawTta } from './tta-plot.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment.ts';

const KIND = 'tta-views';
const STREAMS = ['objects-held-out-1', 'objects-unseen-1'];
const lang = pageLang();
const t = strings(lang);
/** A class label as the reader's edition shows it. */
const classOf = (c: number) => className(OBJECT_CLASSES[c]!, lang);

/** A view's name (the engine's, in English) in the reader's edition. */
function viewName(name: string): string {
  const key = `view.${name}`;
  return key in strings.en ? t(key as keyof typeof strings.en) : name;
}

/** The eight TTA views of one image, the model's answer for each, and the average that TTA predicts with. */
export function mountTtaViews(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const stream = q<HTMLSelectElement>('[data-stream]');
  const index = q<HTMLInputElement>('[data-index]');
  const picked = () => ({ dataset: stream.value, i: Math.min(999, Math.max(0, Math.round(Number(index.value) || 0))) });
  const state = (): WidgetState => ({ widget: KIND, image: { kind: 'dataset', dataset: picked().dataset, index: picked().i }, params: {}, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const { dataset, i } = picked();
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.ttaImage(dataset, i)));
    if (!result) return;
    drawViews(q('[data-views]'), result, result.label);
    await drawTta(q('[data-plot]'), result, result.label);
    summarise(root, result, result.label);
    root.dataset['tta'] = JSON.stringify({
      dataset,
      index: i,
      label: result.label,
      views: result.views.map((v) => Array.from(v.probabilities)),
      average: Array.from(result.average),
    });
  }

  stream.addEventListener('change', () => void update());
  index.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored?.image?.kind === 'dataset' && STREAMS.includes(restored.image.dataset)) {
    stream.value = restored.image.dataset;
    index.value = String(restored.image.index);
  }
  shell.start(t('loadingEngineModel'), update());
}

const top = (p: Float32Array) => p.indexOf(Math.max(...p));

function drawViews(list: HTMLElement, result: TtaPrediction, label: number): void {
  list.replaceChildren(
    ...result.views.map((view) => {
      const item = document.createElement('li');
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      const best = top(view.probabilities);
      canvas.setAttribute('aria-label', t('views.says', { view: viewName(view.name), name: classOf(best) }));
      drawSample(
        canvas,
        { size: Math.round(Math.sqrt(view.image.length / 3)), image: view.image, boxes: [], masks: [], classes: [] },
        { scale: 1, masks: false, boxes: false },
      );
      item.dataset['correct'] = String(best === label);
      const name = document.createElement('span');
      name.textContent = viewName(view.name);
      const answer = document.createElement('strong');
      answer.textContent = `${classOf(best)} ${percent(view.probabilities[best]!)}`;
      item.append(enlargeable(canvas), name, answer);
      return item;
    }),
  );
}

function summarise(root: HTMLElement, result: TtaPrediction, label: number): void {
  const alone = result.views[0]!.probabilities;
  const a = top(alone);
  // The average's top class (named apart from `t`, the strings).
  const m = top(result.average);
  root.querySelector('[data-summary]')!.textContent = t('views.summary', {
    name: classOf(label),
    alone: classOf(a),
    aloneP: percent(alone[a]!),
    aloneTrue: percent(alone[label]!),
    average: classOf(m),
    averageP: percent(result.average[m]!),
    averageTrue: percent(result.average[label]!),
    k: views(result, label),
  });
}

function views(result: TtaPrediction, label: number): number {
  return result.views.filter((v) => top(v.probabilities) === label).length;
}
