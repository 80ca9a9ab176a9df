import { fixed } from '~/components/ui/format.ts';
import type { Scene } from '~/engine/data/objects.ts';
import { drawOverlay } from '../trust-draw.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-vit.ts';
import { sceneView } from '../scene-view.ts';

const t = strings(pageLang());

/** Canvas pixels per image pixel in the comparison maps. */
export const SCALE = 4;

/** The scene cut into its grid x grid patches (the ViT's tokens), with the object's mask outline. */
export function drawPatches(canvas: HTMLCanvasElement, scene: Scene, objectIndex: number, grid: number): void {
  drawOverlay(canvas, sceneView(scene).rgba, scene.size, SCALE, scene.objects[objectIndex]);
  const context = canvas.getContext('2d')!;
  const step = canvas.width / grid;
  context.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  // Two canvas pixels: the canvas is drawn at about half its size on a phone.
  context.lineWidth = 2;
  context.beginPath();
  for (let k = 1; k < grid; k++) {
    context.moveTo(k * step, 0);
    context.lineTo(k * step, canvas.height);
    context.moveTo(0, k * step);
    context.lineTo(canvas.width, k * step);
  }
  context.stroke();
}

/**
 * The heads grid: a row per layer, a tile per head (its CLS attention over the
 * patches, drawn as tokens), each captioned with its largest weight.
 *
 * @param cls [layers, heads, grid * grid], row-major
 */
export function drawHeads(container: HTMLElement, tiles: readonly Uint8ClampedArray[], cls: Float32Array, layers: number, heads: number, size: number): void {
  const tokens = cls.length / (layers * heads);
  const label = (text: string) => Object.assign(document.createElement('span'), { className: 'label', textContent: text });
  const cells: HTMLElement[] = [label('')];
  for (let h = 0; h < heads; h++) cells.push(label(t('head', { head: h + 1 })));
  for (let l = 0; l < layers; l++) {
    cells.push(label(t('layer', { layer: l + 1 })));
    for (let h = 0; h < heads; h++) {
      const m = l * heads + h;
      const weights = cls.subarray(m * tokens, (m + 1) * tokens);
      const top = Math.max(...weights);
      const figure = Object.assign(document.createElement('figure'), { className: 'tile' });
      figure.dataset['layer'] = String(l);
      figure.dataset['head'] = String(h);
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', t('headTile', { layer: l + 1, head: h + 1, weight: fixed(top, 3), patch: weights.indexOf(top) + 1 }));
      drawOverlay(canvas, tiles[m]!, size, 1);
      figure.append(canvas, Object.assign(document.createElement('figcaption'), { textContent: fixed(top, 3) }));
      cells.push(figure);
    }
  }
  container.replaceChildren(...cells);
}
