import type { Scene } from '~/engine/data/objects.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { MapView } from '~/engine/tasks/index.ts';
import type { PickedScene } from '~/components/ui/scene-picker.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-objects.ts';

const lang = pageLang();
const t = strings(lang);

/** Grey level the occlusion widgets write under the patch (0.5: mid grey, as in Zeiler & Fergus). */
export const PATCH_GREY = 0.5;

/** A scene as a MapView, so a MapFigure can draw it and probe it; an optional grey square is painted in. */
export function sceneView(scene: Scene, patch?: { top: number; left: number; size: number; fill: number }): MapView {
  const { size, image } = scene;
  const rgba = new Uint8ClampedArray(size * size * 4);
  const values = new Float32Array(size * size);
  for (let p = 0; p < size * size; p++) {
    const i = Math.floor(p / size);
    const j = p % size;
    const hidden = patch && i >= patch.top && i < patch.top + patch.size && j >= patch.left && j < patch.left + patch.size;
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = (hidden ? patch.fill : image[p * 3 + c]!) * 255;
    rgba[p * 4 + 3] = 255;
    values[p] = hidden ? patch.fill : (image[p * 3]! + image[p * 3 + 1]! + image[p * 3 + 2]!) / 3;
  }
  return { width: size, height: size, values, rgba, scale: { kind: 'gray', min: 0, max: 1 } };
}

/** RGBA bytes of the same size as a scene, wrapped as a MapView with the given values. */
export function rgbaView(rgba: Uint8ClampedArray, side: number, values = new Float32Array(side * side)): MapView {
  return { width: side, height: side, values, rgba, scale: { kind: 'gray', min: 0, max: 1 } };
}

/**
 * The class menu of a scene widget: for every new scene, `fillClassSelect`
 * with the restored class the first time, the scene's `fallback` class
 * (by default its first object's) after that; a class the reader chose
 * while the engine was making the scene is kept.
 */
export function classMenu(select: HTMLSelectElement, restored: number | undefined): (picked: PickedScene, fallback?: number) => void {
  let pending = restored;
  let chosen: { value: number; at: number } | undefined;
  select.addEventListener('change', () => (chosen = { value: Number(select.value), at: performance.now() }));
  return ({ scene, askedAt }, fallback = scene.objects[0]?.classIndex ?? 0) => {
    const keep = chosen && chosen.at > askedAt ? chosen.value : undefined;
    fillClassSelect(select, scene, keep ?? pending ?? fallback);
    pending = undefined;
  };
}

/** Fills a class <select> with the ten classes, marking those present in the scene. */
function fillClassSelect(select: HTMLSelectElement, scene: Scene, chosen: number): void {
  const present = new Set(scene.objects.map((object) => object.classIndex));
  select.replaceChildren(
    ...OBJECT_CLASSES.map((name, index) => {
      const option = new Option(present.has(index) ? t('inTheImage', { name: className(name, lang) }) : className(name, lang), String(index));
      option.selected = index === chosen;
      return option;
    }),
  );
}

/** The union of the masks of the scene's objects of one class (empty if the class is absent). */
export function classMask(scene: Scene, classIndex: number): Uint8Array {
  const mask = new Uint8Array(scene.size * scene.size);
  for (const object of scene.objects) {
    if (object.classIndex !== classIndex) continue;
    object.mask.forEach((v, p) => (mask[p] = mask[p]! | v));
  }
  return mask;
}

/** Mean of a map inside and outside a mask, and their ratio. */
export function maskContrast(values: Float32Array, mask: Uint8Array): { inside: number; outside: number; ratio: number } {
  let [inSum, inCount, outSum, outCount] = [0, 0, 0, 0];
  values.forEach((v, p) => {
    if (mask[p]) [inSum, inCount] = [inSum + v, inCount + 1];
    else [outSum, outCount] = [outSum + v, outCount + 1];
  });
  const inside = inSum / Math.max(inCount, 1);
  const outside = outSum / Math.max(outCount, 1);
  return { inside, outside, ratio: inside / Math.max(outside, 1e-12) };
}
