import type { PlacedObject } from '~/engine/data/compose.ts';
import type { Scene } from '~/engine/data/objects.ts';
import { objectAt } from '~/engine/shared/scene-hits.ts';
import { CLASS_COLOURS, drawScene } from '~/components/ui/scene-tile.ts';

/** Canvas pixels per scene pixel on the stage (the canvas is scaled down by CSS). */
const SCALE = 4;

/**
 * The composer's stage: draws the scene and lets the reader move objects with
 * a pointer (drag) or the keyboard (arrow keys move the selected object).
 * Calls `onMove` with each new position; the owner recomposes and redraws.
 */
export class ComposerStage {
  selected = 0;
  private drag: { index: number; dx: number; dy: number } | undefined;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly objects: () => PlacedObject[],
    private readonly scene: () => Scene | undefined,
    private readonly onMove: (index: number, cx: number, cy: number) => void,
    private readonly onSelect: (index: number) => void,
  ) {
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    for (const end of ['pointerup', 'pointercancel'] as const) canvas.addEventListener(end, () => (this.drag = undefined));
    canvas.addEventListener('keydown', (event) => this.key(event));
  }

  draw(scene: Scene): void {
    drawScene(this.canvas, scene, { scale: SCALE, masks: true, boxes: false });
    const object = scene.objects[this.selected];
    if (!object) return;
    const [x0, y0, x1, y1] = object.box;
    const context = this.canvas.getContext('2d')!;
    context.strokeStyle = CLASS_COLOURS[object.classIndex]!;
    context.lineWidth = 2;
    context.setLineDash([6, 4]);
    context.strokeRect(x0 * SCALE - 2, y0 * SCALE - 2, (x1 - x0) * SCALE + 4, (y1 - y0) * SCALE + 4);
    context.setLineDash([]);
  }

  /** The scene pixel under a pointer event, as fractional (x, y). */
  private at(event: PointerEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    const size = this.scene()?.size ?? 64;
    return [((event.clientX - rect.left) / rect.width) * size, ((event.clientY - rect.top) / rect.height) * size];
  }

  private down(event: PointerEvent): void {
    const scene = this.scene();
    if (!scene) return;
    const [x, y] = this.at(event);
    const row = Math.min(scene.size - 1, Math.max(0, Math.floor(y)));
    const col = Math.min(scene.size - 1, Math.max(0, Math.floor(x)));
    let index = objectAt(scene, row, col);
    if (index < 0) {
      // Not on a visible pixel: take the nearest centre, if the pointer is near one.
      const distances = this.objects().map((o) => Math.hypot(o.cx - x, o.cy - y));
      const nearest = distances.indexOf(Math.min(...distances));
      index = distances[nearest]! < 12 ? nearest : -1;
    }
    if (index < 0) return;
    const object = this.objects()[index]!;
    this.drag = { index, dx: object.cx - x, dy: object.cy - y };
    this.canvas.setPointerCapture(event.pointerId);
    this.select(index);
  }

  private move(event: PointerEvent): void {
    if (!this.drag) return;
    const [x, y] = this.at(event);
    this.place(this.drag.index, x + this.drag.dx, y + this.drag.dy);
  }

  private key(event: KeyboardEvent): void {
    const steps: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const step = steps[event.key];
    const object = this.objects()[this.selected];
    if (!step || !object) return;
    event.preventDefault();
    const size = event.shiftKey ? 4 : 1;
    this.place(this.selected, object.cx + step[0] * size, object.cy + step[1] * size);
  }

  select(index: number): void {
    this.selected = index;
    this.onSelect(index);
  }

  private place(index: number, cx: number, cy: number): void {
    const size = this.scene()?.size ?? 64;
    const clamp = (v: number) => Math.round(Math.min(size - 4, Math.max(4, v)));
    this.onMove(index, clamp(cx), clamp(cy));
  }
}
