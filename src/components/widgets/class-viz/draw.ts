import type { VizFrame } from '~/engine/tasks/index.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';

const lang = pageLang();

/** Draws a frame's pixels (already 8-bit values in [0, 1]) into a canvas of the frame's size, 1:1. */
export function drawFrame(canvas: HTMLCanvasElement, frame: Pick<VizFrame, 'width' | 'height' | 'pixels'>): void {
  const { width, height, pixels } = frame;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const data = new ImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let ch = 0; ch < 3; ch++) data.data[4 * p + ch] = Math.round(pixels[3 * p + ch]! * 255);
    data.data[4 * p + 3] = 255;
  }
  canvas.getContext('2d')!.putImageData(data, 0, 0);
}

/** "banana 98.2%". */
export function verdictText(frame: Pick<VizFrame, 'verdict'>): string {
  const v = frame.verdict;
  return v ? `${className(OBJECT_CLASSES[v.classIndex]!, lang)} ${(v.probability * 100).toFixed(1)}%` : '';
}

/** Fills a class <select> with the ten classes, `selected` chosen. */
export function fillClasses(select: HTMLSelectElement, selected: number): void {
  select.replaceChildren(...OBJECT_CLASSES.map((name, c) => new Option(`${c} ${className(name, lang)}`, String(c), c === selected, c === selected)));
}
