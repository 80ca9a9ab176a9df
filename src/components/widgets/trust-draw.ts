import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';

export interface Peak {
  row: number;
  col: number;
  hit: boolean;
}

/**
 * Draws a heatmap overlay (RGBA bytes, size x size) scaled up without
 * smoothing; optionally one object's mask outline in its class colour and the
 * map's peak as a ring, solid for a hit and dashed for a miss.
 */
export function drawOverlay(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, size: number, scale: number, object?: { classIndex: number; mask: Uint8Array }, peak?: Peak): void {
  canvas.width = size * scale;
  canvas.height = size * scale;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  const source = new OffscreenCanvas(size, size);
  source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
  context.drawImage(source, 0, 0, size * scale, size * scale);
  if (object) outline(context, object.mask, size, scale, CLASS_COLOURS[object.classIndex]!);
  if (peak) ring(context, peak, scale);
}

function outline(context: CanvasRenderingContext2D, mask: Uint8Array, size: number, scale: number, colour: string): void {
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && mask[y * size + x] === 1;
  context.fillStyle = colour;
  const t = Math.max(1, Math.round(scale / 3));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!inside(x, y)) continue;
      // One thin bar per side of the pixel that borders the outside.
      if (!inside(x - 1, y)) context.fillRect(x * scale, y * scale, t, scale);
      if (!inside(x + 1, y)) context.fillRect((x + 1) * scale - t, y * scale, t, scale);
      if (!inside(x, y - 1)) context.fillRect(x * scale, y * scale, scale, t);
      if (!inside(x, y + 1)) context.fillRect(x * scale, (y + 1) * scale - t, scale, t);
    }
  }
}

function ring(context: CanvasRenderingContext2D, { row, col, hit }: Peak, scale: number): void {
  const x = (col + 0.5) * scale;
  const y = (row + 0.5) * scale;
  const r = Math.max(6, scale * 2.5);
  for (const [colour, width] of [['#000', 5], ['#fff', 2.5]] as const) {
    context.strokeStyle = colour;
    context.lineWidth = width;
    context.setLineDash(hit ? [] : [5, 4]);
    context.beginPath();
    context.arc(x, y, r, 0, 2 * Math.PI);
    context.moveTo(x - r * 0.35, y);
    context.lineTo(x + r * 0.35, y);
    context.moveTo(x, y - r * 0.35);
    context.lineTo(x, y + r * 0.35);
    context.stroke();
  }
  context.setLineDash([]);
}
