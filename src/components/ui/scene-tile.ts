import type { AugSample } from '~/engine/augment/sample.ts';
import type { Scene } from '~/engine/data/objects.ts';

/** A segmentation's background label, beside the classes' colours. */
export const BACKGROUND_COLOUR = '#3a3a3a';

/** Class colours for outlines and labels (Okabe-Ito first, for colour-blind readers). */
export const CLASS_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#7F3C8D', '#E31A1C', '#44AA99'];

/** RGBA bytes of a size x size RGB image given as floats in [0, 1] (a scene's image, a crop, a made image). */
export function rgbImageData(image: Float32Array, size: number): ImageData {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    rgba[p * 4] = image[p * 3]! * 255;
    rgba[p * 4 + 1] = image[p * 3 + 1]! * 255;
    rgba[p * 4 + 2] = image[p * 3 + 2]! * 255;
    rgba[p * 4 + 3] = 255;
  }
  return new ImageData(rgba, size, size);
}

export interface TileOptions {
  /** Canvas pixels per scene pixel. */
  scale: number;
  /** Outline each object's exact mask. */
  masks: boolean;
  /** Each object's box (after a geometric transform, the hull of its moved corners): dashed. */
  boxes: boolean;
  /** Each object's box recomputed from its moved mask: solid. It differs from the hull under rotation and shear. */
  maskBoxes?: readonly (readonly number[])[];
}

/** Draws a scene, then each object's exact mask outline and its box, in the class colour. */
export function drawScene(canvas: HTMLCanvasElement, scene: Scene, options: TileOptions): void {
  const { objects } = scene;
  const sample = { size: scene.size, image: scene.image, boxes: objects.map((o) => o.box), masks: objects.map((o) => o.mask), classes: objects.map((o) => o.classIndex) };
  drawSample(canvas, sample, options);
}

/** Draws an augmented sample (image, masks, boxes, classes) the same way. */
export function drawSample(canvas: HTMLCanvasElement, sample: AugSample, { scale, masks, boxes, maskBoxes }: TileOptions): void {
  const { size } = sample;
  canvas.width = size * scale;
  canvas.height = size * scale;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  const source = new OffscreenCanvas(size, size);
  source.getContext('2d')!.putImageData(rgbImageData(sample.image, size), 0, 0);
  context.drawImage(source, 0, 0, size * scale, size * scale);
  sample.classes.forEach((classIndex, k) => {
    const colour = CLASS_COLOURS[classIndex]!;
    if (masks) outlineMask(context, sample.masks[k]!, size, scale, colour);
    if (boxes) strokeBox(context, sample.boxes[k]!, scale, colour, [3, 2]);
    const maskBox = maskBoxes?.[k];
    if (maskBox) strokeBox(context, maskBox, scale, colour, []);
  });
}

/** A [x0, y0, x1, y1) pixel-edge box drawn just inside its edges; an empty box draws nothing. */
function strokeBox(context: CanvasRenderingContext2D, box: readonly number[], scale: number, colour: string, dash: number[]): void {
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  if (x1 <= x0 || y1 <= y0) return;
  context.strokeStyle = colour;
  context.lineWidth = 1;
  context.setLineDash(dash);
  context.strokeRect(x0 * scale + 0.5, y0 * scale + 0.5, (x1 - x0) * scale - 1, (y1 - y0) * scale - 1);
  context.setLineDash([]);
}

/** Paints the edge pixels of a size x size mask, each as a scale x scale square. */
export function outlineMask(context: CanvasRenderingContext2D, mask: Uint8Array, size: number, scale: number, colour: string): void {
  context.fillStyle = colour;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (mask[y * size + x] && isEdge(mask, size, x, y)) context.fillRect(x * scale, y * scale, scale, scale);
    }
  }
}

/** A mask pixel with a 4-neighbour outside the mask (or at the image border). */
function isEdge(mask: Uint8Array, size: number, x: number, y: number): boolean {
  return [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]].some(
    ([u, v]) => u! < 0 || v! < 0 || u! >= size || v! >= size || !mask[v! * size + u!],
  );
}
