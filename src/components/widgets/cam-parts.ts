import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { MapView } from '~/engine/tasks/index.ts';
import type { MapFigure } from '~/components/ui/map-view.ts';
import { drawScene } from '~/components/ui/scene-tile.ts';
import { escapeHtml, Markup } from '~/components/ui/markup.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import type { Translate, Vars } from '~/i18n/strings.ts';
import { sceneView } from './scene-view.ts';

const lang = pageLang();

/** Draws a scene with its objects' mask outlines into a MapFigure, and names the objects in the caption. */
export function showScene(figure: MapFigure, scene: Scene, root: HTMLElement): void {
  figure.draw(sceneView(scene));
  drawScene(figure.canvas, scene, { scale: 1, masks: true, boxes: false });
  const dims = root.querySelector('[data-map-dims]');
  if (dims) dims.textContent = `(${scene.objects.map((o) => className(OBJECT_CLASSES[o.classIndex], lang)).join(', ')})`;
}

/** Outlines the 3 x 3 pixels around a map's peak. */
export function markPeak(figure: MapFigure, peak: readonly [number, number]): void {
  figure.mark(peak[0] - 1, peak[1] - 1, 3);
}

/** Draws a small map (a channel) into a fresh canvas, pixel for pixel. */
export function mapCanvas(view: MapView, label: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = view.width;
  canvas.height = view.height;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(view.rgba), view.width, view.height), 0, 0);
  return canvas;
}

/** A translated string that holds markup of its own (<sub>, <strong>), its values escaped as html`` escapes them. */
export function markupOf<K extends string>(t: Translate<K>, key: K, vars: Vars): Markup {
  return new Markup(t(key, Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, escapeHtml(String(value))]))));
}
