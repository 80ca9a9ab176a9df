/** The lab's strip: the first images of the latest augmented batch, each with the label the loss sees. */
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { LabStrip } from '~/engine/tasks/training-lab.ts';

/** Canvas pixels per image pixel. */
const SCALE = 1;

export function drawStrip(container: HTMLElement, caption: HTMLElement, strip: LabStrip): void {
  const { size, rgba, labels } = strip;
  const tiles = labels.map((weights, i) => {
    const figure = document.createElement('figure');
    figure.className = 'tile';
    const canvas = document.createElement('canvas');
    canvas.width = size * SCALE;
    canvas.height = size * SCALE;
    canvas.getContext('2d')!.putImageData(new ImageData(rgba.slice(i * size * size * 4, (i + 1) * size * size * 4), size, size), 0, 0);
    const text = labelText(weights);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Augmented training image ${i + 1}, labelled ${text}`);
    const label = document.createElement('figcaption');
    label.textContent = text;
    figure.append(canvas, label);
    return figure;
  });
  container.replaceChildren(...tiles);
  container.dataset['labels'] = JSON.stringify(labels);
  caption.textContent = `Epoch ${strip.epoch}, batch ${strip.step}: the first ${labels.length} images of the batch the model just trained on, each with its label weights (two classes when the policy mixes images).`;
}

/** "cat" for a one-hot label, "cat 0.62 · car 0.38" for a mixed one (classes above zero, largest first). */
function labelText(weights: readonly number[]): string {
  const parts = weights.map((w, c) => ({ w, c })).filter((p) => p.w > 1e-6).sort((a, b) => b.w - a.w);
  if (parts.length === 1) return OBJECT_CLASSES[parts[0]!.c]!;
  return parts.map((p) => `${OBJECT_CLASSES[p.c]} ${p.w.toFixed(2)}`).join(' · ');
}
