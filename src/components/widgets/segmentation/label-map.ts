import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { BACKGROUND_COLOUR, CLASS_COLOURS } from '~/components/ui/scene-tile.ts';

/** The segmenter's labels: the ten classes, then the background. */
export const LABELS = [...OBJECT_CLASSES, 'background'];
const COLOURS = [...CLASS_COLOURS, BACKGROUND_COLOUR].map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));

/** A label map in the labels' colours; pixels `dim` picks show the image, greyed, instead. */
export function paintLabels(canvas: HTMLCanvasElement, labels: Int32Array, size: number, dim?: (p: number) => boolean, image?: Float32Array): void {
  canvas.width = canvas.height = size;
  const rgba = new Uint8ClampedArray(size * size * 4);
  labels.forEach((label, p) => {
    const grey = dim?.(p) ? 0.3 * 255 * ((image![p * 3]! + image![p * 3 + 1]! + image![p * 3 + 2]!) / 3) + 40 : undefined;
    const [r, g, b] = grey === undefined ? COLOURS[label]! : [grey, grey, grey];
    rgba.set([r!, g!, b!, 255], p * 4);
  });
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, size, size), 0, 0);
}
