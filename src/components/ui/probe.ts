import type { MapFigure } from './map-view.ts';

/**
 * Lets the reader point at a map's cells with a mouse, a finger, or the arrow
 * keys (for keyboards and screen readers); `onProbe` gets row and column.
 */
export function attachProbe(figure: MapFigure, onProbe: (i: number, j: number) => void): { at: () => [number, number] } {
  let cell: [number, number] = [0, 0];
  const go = (i: number, j: number) => {
    const view = figure.current;
    if (!view) return;
    cell = [Math.min(view.height - 1, Math.max(0, i)), Math.min(view.width - 1, Math.max(0, j))];
    onProbe(...cell);
  };
  figure.canvas.addEventListener('pointermove', (event) => {
    const hit = figure.cellAt(event);
    if (hit && (hit[0] !== cell[0] || hit[1] !== cell[1])) go(...hit);
  });
  figure.canvas.addEventListener('pointerdown', (event) => {
    const hit = figure.cellAt(event);
    if (hit) go(...hit);
  });
  figure.canvas.addEventListener('focus', () => go(...cell));
  const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  figure.canvas.addEventListener('keydown', (event) => {
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    const size = event.shiftKey ? 8 : 1;
    go(cell[0] + step[0] * size, cell[1] + step[1] * size);
  });
  return { at: () => cell };
}
