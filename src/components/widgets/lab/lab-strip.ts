/** The lab's strip: the first images of the latest augmented batch, each with the label the loss sees. */
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { LabStrip } from '~/engine/tasks/training-lab.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-lab.ts';

const lang = pageLang();
const t = strings(lang);

/**
 * Draws a batch into the strip's tiles, made once and then only repainted (a
 * new canvas and 2D context per image per report cost the page long tasks);
 * a batch already shown is skipped, as reports repeat it between batches.
 */
export function drawStrip(container: HTMLElement, caption: HTMLElement, strip: LabStrip): void {
  const { size, rgba, labels, epoch, step } = strip;
  const key = `${epoch}:${step}`;
  if (container.dataset['batch'] === key) return;
  container.dataset['batch'] = key;
  if (container.children.length !== labels.length) container.replaceChildren(...labels.map(() => tile(size)));
  labels.forEach((weights, i) => {
    const figure = container.children[i]!;
    const canvas = figure.querySelector('canvas')!;
    canvas
      .getContext('2d')!
      .putImageData(new ImageData(new Uint8ClampedArray(rgba.subarray(i * size * size * 4, (i + 1) * size * size * 4)), size, size), 0, 0);
    const text = labelText(weights);
    canvas.setAttribute('aria-label', t('strip.image', { i: i + 1, label: text }));
    figure.querySelector('figcaption')!.textContent = text;
  });
  container.dataset['labels'] = JSON.stringify(labels);
  caption.textContent = t('strip.caption', { epoch, step, n: labels.length });
}

function tile(size: number): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'tile';
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute('role', 'img');
  figure.append(enlargeable(canvas), document.createElement('figcaption'));
  return figure;
}

/** "cat" for a one-hot label, "cat 0.62 · car 0.38" for a mixed one (classes above zero, largest first). */
function labelText(weights: readonly number[]): string {
  const parts = weights
    .map((w, c) => ({ w, c }))
    .filter((p) => p.w > 1e-6)
    .sort((a, b) => b.w - a.w);
  if (parts.length === 1) return className(OBJECT_CLASSES[parts[0]!.c]!, lang);
  return parts.map((p) => `${className(OBJECT_CLASSES[p.c]!, lang)} ${p.w.toFixed(2)}`).join(' · ');
}
