import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { GanSample } from '~/engine/tasks/index.ts';
import { fixed } from '~/components/ui/format.ts';
import { rgbImageData } from '~/components/ui/scene-tile.ts';

import { RECOGNISED } from '~/engine/shared/gan-figures.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';

const lang = pageLang();

/** Draws a generated image into a canvas at its own size (the page scales it up, smoothly). */
export function drawImage(canvas: HTMLCanvasElement, image: Float32Array, side: number): void {
  canvas.width = canvas.height = side;
  canvas.getContext('2d')!.putImageData(rgbImageData(image, side), 0, 0);
}

/** A sample in its figure, captioned with `name` and objects-cnn's class and probability (bold when recognised). */
export function drawSampleTile(figure: HTMLElement, sample: GanSample, name: string): void {
  drawImage(figure.querySelector('canvas')!, sample.image, sample.side);
  const caption = figure.querySelector('figcaption')!;
  const verdict = document.createElement(sample.probability >= RECOGNISED ? 'strong' : 'span');
  verdict.textContent = `${className(OBJECT_CLASSES[sample.classIndex], lang)} ${fixed(sample.probability, 2)}`;
  caption.replaceChildren(`${name} `, verdict);
}
