import type { Box } from '~/engine/probe/receptive-field.ts';
import { rgbImageData } from '~/components/ui/scene-tile.ts';

/** The field outline: the focus yellow of the map markers, readable on light and dark images. */
const FIELD = '#f0b400';

/** Grey with diagonal stripes: the padding, which holds no image pixels. */
function hatch(context: CanvasRenderingContext2D, width: number, height: number): void {
  context.fillStyle = '#8d8d8d';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#b4b4b4';
  context.lineWidth = 2;
  context.beginPath();
  for (let d = -height; d < width; d += 8) {
    context.moveTo(d, height);
    context.lineTo(d + height, 0);
  }
  context.stroke();
}

function paint(context: CanvasRenderingContext2D, image: Float32Array, side: number, x: number, y: number, scale: number): void {
  const source = new OffscreenCanvas(side, side);
  source.getContext('2d')!.putImageData(rgbImageData(image, side), 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(source, x, y, side * scale, side * scale);
}

/**
 * The whole input with `margin` pixels of padding around it (hatched), the
 * image outside the unit's field dimmed, the part of the field inside the
 * image outlined solid and the part in the padding dashed.
 */
export function drawField(canvas: HTMLCanvasElement, image: Float32Array, side: number, field: Box, margin: number, scale: number): void {
  const full = (side + 2 * margin) * scale;
  canvas.width = full;
  canvas.height = full;
  const context = canvas.getContext('2d')!;
  hatch(context, full, full);
  paint(context, image, side, margin * scale, margin * scale, scale);
  const at = (v: number) => (v + margin) * scale;
  const [top, left, bottom, right] = field;
  context.fillStyle = 'rgb(0 0 0 / 0.55)';
  context.beginPath();
  context.rect(0, 0, full, full);
  context.rect(at(left), at(top), (right - left) * scale, (bottom - top) * scale);
  context.fill('evenodd');
  context.strokeStyle = FIELD;
  context.lineWidth = 2;
  context.setLineDash([6, 4]);
  context.strokeRect(at(left) + 1, at(top) + 1, (right - left) * scale - 2, (bottom - top) * scale - 2);
  const clip = [Math.max(0, top), Math.max(0, left), Math.min(side, bottom), Math.min(side, right)] as const;
  const solid = [at(clip[1]) + 1.5, at(clip[0]) + 1.5, (clip[3] - clip[1]) * scale - 3, (clip[2] - clip[0]) * scale - 3] as const;
  context.setLineDash([]);
  // A dark rim under the yellow keeps the box visible on yellow and white images.
  context.strokeStyle = 'rgb(0 0 0 / 0.75)';
  context.lineWidth = 5;
  context.strokeRect(...solid);
  context.strokeStyle = FIELD;
  context.lineWidth = 3;
  context.strokeRect(...solid);
}

/** The field of one unit cut out of its image at `scale`, the part in the padding hatched, so every patch of a layer has the same size. */
export function drawPatch(canvas: HTMLCanvasElement, image: Float32Array, side: number, field: Box, scale: number): void {
  const [top, left, bottom] = field;
  const size = (bottom - top) * scale;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  hatch(context, size, size);
  paint(context, image, side, -left * scale, -top * scale, scale);
}
